package org.beffroi.alerts.web;

import java.util.ArrayList;
import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.internal.AreaForm;
import org.beffroi.alerts.internal.Channel;

/** A subscription as typed by a resident: a channel and its address, topics and an area. */
@Getter
@Setter
public class SubscriptionForm extends AreaForm {

    private Channel channel = Channel.EMAIL;
    private String email;
    private String phone;
    private List<Long> topicIds = new ArrayList<>();
    // Web Push: what the browser's PushManager handed over (filled by /js/alerts-push.js)
    private String endpoint;
    private String p256dh;
    private String auth;
}
