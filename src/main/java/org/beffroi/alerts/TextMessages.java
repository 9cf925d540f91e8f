package org.beffroi.alerts;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.beffroi.alerts.internal.PhoneNumbers;
import org.beffroi.alerts.internal.SmsProvider;
import org.springframework.stereotype.Service;

/**
 * One text message at a time for the other modules (an appointment's reminder), through the alerts' SMS provider: a
 * real gateway when one is configured ({@code beffroi.alerts.sms.provider=http}), the log in the demo, none elsewhere.
 * Sent at most once: a message the provider did not take is not tried again.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class TextMessages {

    private final SmsProvider provider;

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
