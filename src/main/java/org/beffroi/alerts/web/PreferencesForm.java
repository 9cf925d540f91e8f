package org.beffroi.alerts.web;

import java.util.ArrayList;
import java.util.List;

import org.beffroi.alerts.internal.AreaForm;
import org.beffroi.alerts.internal.Subscription;

/** A subscription's preferences as the resident changes them: its topics and its area. */
public class PreferencesForm extends AreaForm {

    private List<Long> topicIds = new ArrayList<>();

    /** The form as the subscription stands. */
    static PreferencesForm of(Subscription subscription) {
        var form = new PreferencesForm();
        form.fill(subscription.area());
        form.topicIds = new ArrayList<>(subscription.topicIds());
        return form;
    }

    public List<Long> getTopicIds() { return topicIds; }
    public void setTopicIds(List<Long> topicIds) { this.topicIds = topicIds; }
}
