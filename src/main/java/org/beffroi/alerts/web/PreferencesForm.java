package org.beffroi.alerts.web;

import java.util.ArrayList;
import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.internal.AreaForm;
import org.beffroi.alerts.internal.Subscription;

/** A subscription's preferences as the resident changes them: its topics and its area. */
@Getter
@Setter
public class PreferencesForm extends AreaForm {

    private List<Long> topicIds = new ArrayList<>();

    /** The form as the subscription stands. */
    static PreferencesForm of(Subscription subscription) {
        var form = new PreferencesForm();
        form.fill(subscription.area());
        form.topicIds = new ArrayList<>(subscription.topicIds());
        return form;
    }
}
