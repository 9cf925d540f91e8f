package org.beffroi.alerts.web;

import java.util.ArrayList;
import java.util.List;

import org.beffroi.alerts.internal.AreaForm;
import org.beffroi.alerts.internal.Channel;

/** A subscription as typed by a resident: a channel and its address, topics and an area. */
public class SubscriptionForm extends AreaForm {

    private Channel channel = Channel.EMAIL;
    private String email;
    private String phone;
    private List<Long> topicIds = new ArrayList<>();
    // Web Push: what the browser's PushManager handed over (filled by /js/alerts-push.js)
    private String endpoint;
    private String p256dh;
    private String auth;

    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public List<Long> getTopicIds() { return topicIds; }
    public void setTopicIds(List<Long> topicIds) { this.topicIds = topicIds; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getP256dh() { return p256dh; }
    public void setP256dh(String p256dh) { this.p256dh = p256dh; }
    public String getAuth() { return auth; }
    public void setAuth(String auth) { this.auth = auth; }
}
