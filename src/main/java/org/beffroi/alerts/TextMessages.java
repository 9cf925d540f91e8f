package org.beffroi.alerts;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.beffroi.alerts.internal.PhoneNumbers;
import org.beffroi.alerts.internal.SmsProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One text message at a time for the other modules (an appointment's reminder), through the alerts' SMS provider: a
 * real gateway when one is configured ({@code beffroi.alerts.sms.provider=http}), the log in the demo, none elsewhere.
 * Sent at most once: a message the provider did not take is not tried again. And the channel a person chose: the
 * mobile number of their confirmed SMS subscription, for a module that tells them of something of theirs.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class TextMessages {

    private final SmsProvider provider;
    private final JdbcClient jdbc;

    /**
     * The mobile number the account chose to be reached at: that of its latest confirmed SMS subscription to the
     * alerts, made signed in; empty when it has none (it is then reached by mail).
     */
    public Optional<String> numberChosenBy(long accountId) {
        return jdbc.sql("select address from alerts_subscription where account_id = ? and channel = 'SMS'"
                + " and status = 'CONFIRMED' order by confirmed_at desc, id desc").param(accountId)
                .query(String.class).list().stream().findFirst();
    }

    /** Sends the text to a French mobile number as typed; false when it is not one, or the provider did not take it. */
    public boolean send(String typedNumber, String text) {
        var number = PhoneNumbers.frenchMobile(typedNumber);
        if (number.isEmpty()) {
            return false;
        }
        try {
            provider.send(number.get(), text);
            return true;
        } catch (RuntimeException notTaken) {
            log.info("A text message was not sent: {}", notTaken.getClass().getSimpleName());
            return false;
        }
    }
}
