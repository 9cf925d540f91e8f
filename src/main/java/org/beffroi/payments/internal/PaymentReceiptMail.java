package org.beffroi.payments.internal;

import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.Payment;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.Money;
import org.beffroi.platform.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * The receipt of a confirmed payment, by e-mail through the outbox, in the confirmation's transaction, with the same
 * PDF receipt as the payment's page.
 */
@Component
@RequiredArgsConstructor
class PaymentReceiptMail {

    private final Mailer mailer;
    private final Commune commune;
    private final PaymentReceiptPdf pdf;

    void send(Payment payment) {
        if (payment.payerEmail() == null || payment.payerEmail().isBlank()) {
            return;
        }
        String name = commune.settings().name();
        String amount = Money.euros(payment.amountCents(), Locale.FRENCH);
        String text = """
                Bonjour,

                La mairie de %s a bien reçu votre paiement de %s pour « %s », le %s.
                Sa référence : %s.

                Le reçu est joint à ce message, en PDF. Pour toute question, rappelez cette référence.

                La mairie de %s
                """.formatted(name, amount, payment.label(), CommuneTime.format(payment.confirmedAt(), CommuneTime.DATE_TIME,
                        Locale.FRENCH),
                payment.reference(), name);
        mailer.send(new OutgoingMail(payment.payerEmail(), "Votre paiement " + payment.reference() + " est reçu", text)
                .with(new OutgoingMail.AttachedFile("recu-" + payment.reference() + ".pdf", "application/pdf", pdf.of(payment))));
    }
}
