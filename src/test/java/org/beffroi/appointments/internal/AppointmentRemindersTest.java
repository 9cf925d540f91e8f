package org.beffroi.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.beffroi.alerts.internal.LogSmsProvider;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reminder of the day before: one mail to each confirmed booking starting within a day, none to a booking not
 * confirmed or further off, and one only when the task runs several times at once. The negative control marks the
 * booking without its condition ({@link SlotGuard#remindOnce} off) and sees the reminder mailed more than once. A
 * booking taken by phone, without an address, gets its reminder by text message.
 */
@BeffroiTest
class AppointmentRemindersTest {

    private static final int RUNS = 6;

    @Autowired
    BookingDesk desk;

    @Autowired
    Counters counters;

    @Autowired
    SlotGuard guard;

    @Autowired
    LogSmsProvider sms;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void guardBack() {
        guard.remindOnce = true;
    }

    @Test
    void aConfirmedBookingOfTomorrowIsRemindedOnceByMail() throws Exception {
        Instant soon = slotAbout(Duration.ofHours(20));
        var tomorrow = typeAt(soon);
        String confirmed = address("rappel");
        String pending = address("non-confirme");
        String later = address("plus-tard");
        assertThat(book(tomorrow, soon, confirmed, 1L)).isEqualTo(BookingDesk.Outcome.CONFIRMED);
        assertThat(book(typeAt(soon), soon, pending, null)).isEqualTo(BookingDesk.Outcome.PENDING);
        Instant farther = slotAbout(Duration.ofDays(3));
        assertThat(book(typeAt(farther), farther, later, 2L)).isEqualTo(BookingDesk.Outcome.CONFIRMED);
        Mailbox.awaitMessage(confirmed, 1);
        Mailbox.awaitMessage(pending, 1);
        Mailbox.awaitMessage(later, 1);

        runAtOnce();

        var reminder = Mailbox.awaitMessage(confirmed, 2);
        assertThat(reminder.getSubject()).startsWith("Rappel");
        assertThat((String) reminder.getContent()).contains(tomorrow.name(), "Nous vous rappelons");
        desk.remindDue();
        // the outbox holds every mail written, in the mark's transaction: what was not written cannot arrive
        assertThat(mailsTo(confirmed)).isEqualTo(2);
        assertThat(mailsTo(pending)).isEqualTo(1);
        assertThat(mailsTo(later)).isEqualTo(1);
    }

    /**
     * A booking an agent took by phone, without an address: reminded by a text message to its mobile number (the
     * demo's log provider keeps them), once, and by no mail.
     */
    @Test
    void aBookingTakenByPhoneIsRemindedOnceByTextMessage() {
        Instant soon = slotAbout(Duration.ofHours(19));
        var type = typeAt(soon);
        String mobile = "06 " + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        String e164 = "+336" + mobile.substring(3);
        assertThat(desk.bookByAgent(type, soon, "Appel Téléphonique", mobile, null).outcome())
                .isEqualTo(BookingDesk.Outcome.CONFIRMED);

        desk.remindDue();
        desk.remindDue();

        // the task's own run may have marked it first, and sends its text after its commit: wait for that text
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(e164).size() >= 1);
        var texts = textsTo(e164);
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst().text()).contains(type.name(), "Mairie", "rappel");
    }

    private List<LogSmsProvider.Sms> textsTo(String number) {
        return sms.sent().stream().filter(m -> m.to().equals(number)).toList();
    }

    @Test
    void withoutTheConditionalUpdateRunsAtOnceRemindTheSameBookingTwice() throws Exception {
        guard.remindOnce = false;
        Instant soon = slotAbout(Duration.ofHours(21));
        String confirmed = address("rappel-sans-garde");
        assertThat(book(typeAt(soon), soon, confirmed, 3L)).isEqualTo(BookingDesk.Outcome.CONFIRMED);
        Mailbox.awaitMessage(confirmed, 1);

        runAtOnce();

        Mailbox.awaitMessage(confirmed, 3);
        System.out.println("AppointmentRemindersTest: without the guard, " + (Mailbox.messagesTo(confirmed).size() - 1)
                + " reminders of one booking");
        assertThat(Mailbox.messagesTo(confirmed).size()).isGreaterThan(2);
    }

    private void runAtOnce() throws Exception {
        AtOnce.run(java.util.Collections.nCopies(RUNS, (Callable<Integer>) () -> desk.remindDue()));
    }

    /** A start on the 5-minute grid about that far from now, between 1 h and 22 h in the commune's time. */
    private static Instant slotAbout(Duration fromNow) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.now().plus(fromNow), CommuneTime.ZONE)
                .truncatedTo(ChronoUnit.HOURS);
        if (local.getHour() >= 22) {
            local = local.minusHours(3);
        } else if (local.getHour() < 1) {
            local = local.plusHours(1);
        }
        return local.atZone(CommuneTime.ZONE).toInstant();
    }

    /** A counter open 20 minutes from that start, with a 20-minute type bookable without notice. */
    private MeetingType typeAt(Instant start) {
        String slug = "rp-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        var local = LocalDateTime.ofInstant(start, CommuneTime.ZONE);
        counters.addOpening(counter, local.getDayOfWeek(), local.toLocalTime(), local.toLocalTime().plusMinutes(20));
        return counters.type(counters.createType(counter, slug, "Passeport d’essai", 20, 0, 10, 1, false)).orElseThrow();
    }

    private BookingDesk.Outcome book(MeetingType type, Instant start, String email, Long accountId) {
        return desk.book(new BookingDesk.Request(type, start, "Camille Martin", email, null, null, accountId)).outcome();
    }

    private long mailsTo(String address) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ?").param(address).query(Long.class).single();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@exemple.fr";
    }
}
