package org.beffroi.agenda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.RegistrationDesk.Guard;
import org.beffroi.agenda.internal.RegistrationDesk.Outcome;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many people register at the same instant for the last seats: the database never confirms more than
 * the capacity. The control runs the same requests without the event-row lock and overbooks.
 */
@BeffroiTest
class RegistrationConcurrencyTest {

    private static final int CAPACITY = 5;
    private static final int PEOPLE = 24;

    @Autowired
    RegistrationDesk desk;

    @Autowired
    EventRepository events;

    @Test
    void concurrentRegistrationsNeverExceedTheCapacity() throws Exception {
        long event = newEvent();
        var outcomes = registerAtOnce(event, Guard.EVENT_ROW_LOCK);
        assertThat(outcomes.stream().filter(o -> o == Outcome.CONFIRMED).count()).isEqualTo(CAPACITY);
        assertThat(outcomes.stream().filter(o -> o == Outcome.WAITING).count()).isEqualTo(PEOPLE - CAPACITY);
        assertThat(desk.confirmedCount(event)).isEqualTo(CAPACITY);
    }

    @Test
    void controlWithoutTheLockTheSameRequestsOverbook() throws Exception {
        long worst = 0;
        for (int round = 0; round < 10 && worst <= CAPACITY; round++) {
            long event = newEvent();
            registerAtOnce(event, Guard.NONE);
            worst = Math.max(worst, desk.confirmedCount(event));
        }
        assertThat(worst).as("confirmed seats without the lock").isGreaterThan(CAPACITY);
    }

    private long newEvent() {
        Instant start = Instant.now().plus(Duration.ofDays(3));
        return events.insert(new Event(0, "Atelier " + UUID.randomUUID(), "Places limitées", start,
                start.plus(Duration.ofHours(2)), "Médiathèque", Category.TRAINING, null, true, null, null, CAPACITY));
    }

    private java.util.List<Outcome> registerAtOnce(long event, Guard guard) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(PEOPLE)) {
            var futures = new ArrayList<Future<Outcome>>();
            for (int i = 0; i < PEOPLE; i++) {
                String email = "p" + i + "-" + UUID.randomUUID() + "@exemple.fr";
                futures.add(pool.submit(() -> {
                    start.await();
                    return desk.register(event, "Personne", email, null, guard);
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<Outcome>();
            for (var future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
