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

    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public List<Long> getTopicIds() { return topicIds; }
    public void setTopicIds(List<Long> topicIds) { this.topicIds = topicIds; }
}
