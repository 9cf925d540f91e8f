package org.beffroi.appointments.internal;

import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mail of a booking, through the outbox in the booking's own transaction: the link to confirm it (a booking made
 * without an account), then the confirmation with the links to add it to a calendar and to cancel it. The links are
 * the mail's secrets: whoever holds them confirms or cancels.
 */
@Component
@RequiredArgsConstructor
class BookingMail {

    private final Counters counters;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;

    void toConfirm(Booking booking, MeetingType type, String confirmToken) {
        var link = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/confirmation?jeton=" + confirmToken));
        send(booking, type, "appointments.mail.pending", link, link.value());
    }

    void confirmed(Booking booking, MeetingType type, String cancelToken) {
        var cancel = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/annulation?jeton=" + cancelToken));
        var calendar = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/agenda.ics?jeton=" + cancelToken));
        var locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        String when = CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        String town = commune.settings().name();
        mailer.send(new OutgoingMail(booking.email(),
                messages.getMessage("appointments.mail.confirmed.subject", new Object[] {type.name(), when}, locale),
                messages.getMessage("appointments.mail.confirmed.body",
                        new Object[] {type.name(), when, counter.name(), counter.place(), calendar.value(),
                                cancel.value(), town}, locale),
                calendar, cancel));
    }

    private void send(Booking booking, MeetingType type, String key, OutgoingMail.Secret secret, String link) {
        Locale locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        String when = CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        String town = commune.settings().name();
        mailer.send(new OutgoingMail(booking.email(),
                messages.getMessage(key + ".subject", new Object[] {type.name(), when}, locale),
                messages.getMessage(key + ".body", new Object[] {type.name(), when, counter.name(), counter.place(),
                        link, BookingDesk.CONFIRMATION_DELAY.toMinutes(), town}, locale),
                secret));
    }
}
