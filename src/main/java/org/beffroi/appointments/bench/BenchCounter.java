package org.beffroi.appointments.bench;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.CommuneTime;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Under the bench profile only, for {@code perf/appointments.sh}: a counter whose meeting type has exactly
 * {@value #FREE_SLOTS} free slots, all on the day after tomorrow (open every day from 8 h to 16 h 20, slots of
 * 10 minutes, two 5-minute units each; closed every other day of the type's window). Put in place once, when the
 * application is ready, if it is not there.
 */
@Service
@Profile("bench")
@RequiredArgsConstructor
public class BenchCounter {

    public static final String COUNTER = "banc-guichet";
    public static final String TYPE = "banc-cinquante-creneaux";
    public static final int FREE_SLOTS = 50;

    private final Counters counters;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void install() {
        if (counters.counter(COUNTER).isPresent()) {
            return;
        }
        long counter = counters.createCounter(COUNTER, "Guichet du banc d’essai", "Mairie, salle du banc d’essai");
        for (DayOfWeek day : DayOfWeek.values()) {
            counters.addOpening(counter, day, LocalTime.of(8, 0), LocalTime.of(16, 20));
        }
        counters.createType(counter, TYPE, "Rendez-vous du banc d’essai", 10, 0, 30, 1, false);
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        counters.addClosure(counter, today.minusDays(1), today.plusDays(1), "Fermé pour le banc d’essai");
        counters.addClosure(counter, today.plusDays(3), today.plusDays(60), "Fermé pour le banc d’essai");
    }
}
