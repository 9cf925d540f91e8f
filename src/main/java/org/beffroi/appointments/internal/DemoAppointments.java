package org.beffroi.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * The demo commune's counter for identity cards and passports: open Monday to Friday, 9 h to 12 h and 14 h to 17 h,
 * with its three meeting types.
 */
@Component
@RequiredArgsConstructor
public class DemoAppointments {

    static final String COUNTER = "accueil-titres";

    private final Counters counters;

    /** Adds the counter when it is not there; does nothing otherwise. */
    public void seed() {
        if (counters.counter(COUNTER).isPresent()) {
            return;
        }
        long counter = counters.createCounter(COUNTER, "Accueil — cartes d’identité et passeports",
                "Mairie, rez-de-chaussée, guichet 2");
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            counters.addOpening(counter, day, LocalTime.of(9, 0), LocalTime.of(12, 0));
            counters.addOpening(counter, day, LocalTime.of(14, 0), LocalTime.of(17, 0));
        }
        counters.createType(counter, "carte-identite", "Carte nationale d’identité", 20, 2, 90, 1, true);
        counters.createType(counter, "passeport", "Passeport", 20, 2, 90, 1, true);
        counters.createType(counter, "carte-identite-et-passeport", "Carte d’identité et passeport", 30, 2, 90, 1, true);
    }
}
