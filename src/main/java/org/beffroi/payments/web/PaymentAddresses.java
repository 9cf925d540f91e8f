package org.beffroi.payments.web;

import java.net.URI;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.PaymentProvider;
import org.beffroi.platform.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The addresses a provider sends its results to, built from the site's public address ({@link PublicAddress}) and
 * never from a request: the browser's return {@value #RETURN}{provider} and the notification
 * {@value #NOTIFICATION}{provider}.
 */
@Component
@RequiredArgsConstructor
class PaymentAddresses {

    static final String RETURN = "/paiements/retour/";
    static final String NOTIFICATION = org.beffroi.payments.PaymentsModule.NOTIFICATION_PREFIX;

    private final PublicAddress site;

    PaymentProvider.Callbacks callbacks(String providerId) {
        return new PaymentProvider.Callbacks(browserReturn(providerId), notification(providerId));
    }

    URI browserReturn(String providerId) {
        return URI.create(site.of(RETURN + providerId));
    }

    URI notification(String providerId) {
        return URI.create(site.of(NOTIFICATION + providerId));
    }
}
