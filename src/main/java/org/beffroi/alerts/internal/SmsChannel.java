package org.beffroi.alerts.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Alerts by SMS, through the configured {@link SmsProvider}: the title and a link, short. */
@Component
@RequiredArgsConstructor
class SmsChannel implements DeliveryChannel {

    private final SmsProvider provider;
    private final MessageSource messages;
    private final PublicAddress publicAddress;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Map<Long, String> send(Outgoing message, List<Recipient> recipients) {
        String link = publicAddress.of("/alertes/" + message.alertId());
        String text = messages.getMessage(message.update() ? "alerts.sms.update" : "alerts.sms.alert",
                new Object[] {message.title(), link}, Locale.FRENCH);
        var failed = new HashMap<Long, String>();
        for (var recipient : recipients) {
            try {
                provider.send(recipient.address(), text);
            } catch (RuntimeException e) {
                failed.put(recipient.subscriptionId(), e.getClass().getSimpleName());
            }
        }
        return failed;
    }
}
