package org.beffroi.agenda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reminder of the day before goes once to each confirmed person, not to those waiting or further off. */
@BeffroiTest
class RemindersTest {

    @Autowired
    Reminders reminders;

    @Autowired
    RegistrationDesk desk;

    @Autowired
    EventRepository events;

    @Test
    void confirmedPeopleOfTomorrowsEventAreRemindedOnce() {
        long tomorrow = event(Duration.ofHours(20), 1);
        long nextWeek = event(Duration.ofDays(7), 5);
        String confirmed = "rappel-" + UUID.randomUUID() + "@exemple.fr";
        String waiting = "attente-" + UUID.randomUUID() + "@exemple.fr";
        String later = "plus-tard-" + UUID.randomUUID() + "@exemple.fr";
        desk.register(tomorrow, "Confirmée", confirmed, null);
        desk.register(tomorrow, "En attente", waiting, null);
        desk.register(nextWeek, "Plus tard", later, null);
        Mailbox.awaitMessage(confirmed, 1);
        Mailbox.awaitMessage(waiting, 1);
        Mailbox.awaitMessage(later, 1);

        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(1);
        Mailbox.awaitMessage(confirmed, 2);
        assertThat(Mailbox.messagesTo(confirmed)).anySatisfy(m -> assertThat(m.getSubject()).startsWith("C’est demain"));

        reminders.sendDue();
        assertThat(Mailbox.messagesTo(waiting)).hasSize(1);
        assertThat(Mailbox.messagesTo(later)).hasSize(1);
        assertThat(Mailbox.messagesTo(confirmed)).hasSize(2);
    }

    private long event(Duration fromNow, int capacity) {
        Instant start = Instant.now().plus(fromNow);
        return events.insert(new Event(0, "Rappel " + UUID.randomUUID(), "Atelier", start, start.plus(Duration.ofHours(1)),
                "Mairie", Category.TRAINING, null, true, null, null, capacity));
    }
}
