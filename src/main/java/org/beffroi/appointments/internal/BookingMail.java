package org.beffroi.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.TextMessages;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.Money;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mail of a booking, through the outbox in the booking's own transaction: the link to confirm it (a booking made
 * without an account), then the confirmation with the booking attached as an iCalendar file, and the links to the
 * same file and to cancel or move the booking. The links are
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
    private final BookingCalendar bookingCalendar;
    private final TextMessages texts;

    /** The name of the iCalendar file attached to the confirmation. */
    static final String CALENDAR_FILE = "rendez-vous.ics";

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
                calendar, cancel)
                .with(new OutgoingMail.AttachedFile(CALENDAR_FILE, "text/calendar; charset=UTF-8",
                        bookingCalendar.write(booking).getBytes(StandardCharsets.UTF_8))));
    }

    /** A priced booking's payment arrived after the booking had expired or been cancelled: the town hall refunds it. */
    void paidTooLate(Booking booking, MeetingType type, long amountCents, String reference) {
        var locale = LocaleContextHolder.getLocale();
        String when = CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        mailer.send(new OutgoingMail(booking.email(),
                messages.getMessage("appointments.mail.paid-too-late.subject", new Object[] {type.name(), when},
                        locale),
                messages.getMessage("appointments.mail.paid-too-late.body", new Object[] {type.name(), when,
                        Money.euros(amountCents, locale), reference, commune.settings().name()}, locale)));
    }

    /** The slot offered to a waiting person: the link to accept it within {@link BookingDesk#OFFER_DELAY}. */
    void offered(Booking booking, MeetingType type, String confirmToken) {
        var link = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/confirmation?jeton=" + confirmToken));
        var locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        String when = CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        String until = CommuneTime.format(booking.expiresAt(), CommuneTime.DAY_DATE_TIME, locale);
        mailer.send(new OutgoingMail(booking.email(),
                messages.getMessage("appointments.mail.offered.subject", new Object[] {type.name(), when}, locale),
                messages.getMessage("appointments.mail.offered.body", new Object[] {type.name(), when, counter.name(),
                        counter.place(), link.value(), until, commune.settings().name()}, locale),
                link));
    }

    /** The reminder of the day before, by mail; none for a booking without an address (an agent's, for a call). */
    void reminder(Booking booking, MeetingType type) {
        if (booking.email() == null || booking.email().isBlank()) {
            return;
        }
        var locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        String when = CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, locale);
        mailer.send(new OutgoingMail(booking.email(),
                messages.getMessage("appointments.mail.reminder.subject", new Object[] {type.name(), when}, locale),
                messages.getMessage("appointments.mail.reminder.body", new Object[] {type.name(), when, counter.name(),
                        counter.place(), commune.settings().name()}, locale)));
    }

    /** The reminder of the day before, by text message, for a booking with a mobile number; in French, short. */
    void reminderText(Booking booking, MeetingType type) {
        if (booking.phone() == null || booking.phone().isBlank()) {
            return;
        }
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        texts.send(booking.phone(), messages.getMessage("appointments.sms.reminder", new Object[] {type.name(),
                CommuneTime.format(booking.startsAt(), CommuneTime.DAY_DATE_TIME, Locale.FRENCH), counter.place(),
                commune.settings().name()}, Locale.FRENCH));
    }

    /** Joining the waiting list signed out: the link that puts the person on it. */
    void toJoin(MeetingType type, String email, String verifyToken) {
        var locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(type.agendaId()).orElseThrow();
        var link = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/liste-attente/confirmation?jeton=" + verifyToken));
        mailer.send(new OutgoingMail(email,
                messages.getMessage("appointments.mail.waiting-verify.subject", new Object[] {type.name()}, locale),
                messages.getMessage("appointments.mail.waiting-verify.body", new Object[] {type.name(), counter.name(),
                        counter.place(), link.value(), BookingDesk.OFFER_DELAY.toHours(), commune.settings().name()},
                        locale),
                link));
    }

    /** On the waiting list: how it works, and the link to leave it. */
    void joined(MeetingType type, String email, String leaveToken) {
        var locale = LocaleContextHolder.getLocale();
        var counter = counters.counter(type.agendaId()).orElseThrow();
        var leave = new OutgoingMail.Secret(publicAddress.of("/rendez-vous/liste-attente/depart?jeton=" + leaveToken));
        mailer.send(new OutgoingMail(email,
                messages.getMessage("appointments.mail.waiting.subject", new Object[] {type.name()}, locale),
                messages.getMessage("appointments.mail.waiting.body", new Object[] {type.name(), counter.name(),
                        counter.place(), BookingDesk.OFFER_DELAY.toHours(), commune.settings().name(), leave.value()},
                        locale),
                leave));
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
