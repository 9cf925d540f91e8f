package org.beffroi.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.Counter.Kind;
import org.beffroi.appointments.internal.MeetingType.Audience;
import org.springframework.stereotype.Component;

/**
 * The demo commune's counter for identity cards and passports (open Monday to Friday, 9 h to 12 h and 14 h to 17 h,
 * with its three meeting types) and its bookable resources: the village hall (by the hour for associations, free; by
 * the half-day for residents, paid), the coworking space's eight desks (by the half-day, residents signed in) and
 * three video projectors lent to associations by the half-day (9 h to 13 h, 13 h to 17 h) or the day.
 */
@Component
@RequiredArgsConstructor
public class DemoAppointments {

    static final String COUNTER = "accueil-titres";
    static final String HALL = "salle-des-fetes";
    static final String COWORKING = "espace-coworking";
    static final String PROJECTORS = "pret-videoprojecteurs";

    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};

    private final Counters counters;

    /** Adds each agenda that is not there; leaves the others as they are. */
    public void seed() {
        if (counters.counter(COUNTER).isEmpty()) {
            long counter = counters.createCounter(COUNTER, "Accueil — cartes d’identité et passeports",
                    "Mairie, rez-de-chaussée, guichet 2");
            for (DayOfWeek day : WEEKDAYS) {
                counters.addOpening(counter, day, LocalTime.of(9, 0), LocalTime.of(12, 0));
                counters.addOpening(counter, day, LocalTime.of(14, 0), LocalTime.of(17, 0));
            }
            counters.createType(counter, "carte-identite", "Carte nationale d’identité", 20, 2, 90, 1, true);
            counters.createType(counter, "passeport", "Passeport", 20, 2, 90, 1, true);
            counters.createType(counter, "carte-identite-et-passeport", "Carte d’identité et passeport", 30, 2, 90, 1,
                    true);
        }
        if (counters.counter(HALL).isEmpty()) {
            long hall = counters.createCounter(HALL, "Salle des fêtes", "Place de la Mairie (120 places assises)",
                    Kind.ROOM, 1);
            for (DayOfWeek day : DayOfWeek.values()) {
                halfDays(hall, day);
            }
            counters.createType(hall, "salle-des-fetes-associations", "Salle des fêtes — associations, à l’heure", 60,
                    48, 180, 4, false, Audience.ASSOCIATIONS, 0);
            counters.createType(hall, "salle-des-fetes-habitants", "Salle des fêtes — habitants, à la demi-journée",
                    240, 72, 180, 1, false, Audience.RESIDENTS, 9_000);
        }
        if (counters.counter(COWORKING).isEmpty()) {
            long coworking = counters.createCounter(COWORKING, "Espace de coworking",
                    "Médiathèque, 1er étage, 4 rue de l’École", Kind.DESKS, 8);
            for (DayOfWeek day : WEEKDAYS) {
                halfDays(coworking, day);
            }
            counters.createType(coworking, "coworking-demi-journee", "Poste de coworking — demi-journée", 240, 1, 30,
                    4, false, Audience.RESIDENTS, 0);
        }
        if (counters.counter(PROJECTORS).isEmpty()) {
            long projectors = counters.createCounter(PROJECTORS, "Prêt de vidéoprojecteurs",
                    "Mairie, accueil (retrait et retour aux heures d’ouverture)", Kind.EQUIPMENT, 3);
            for (DayOfWeek day : WEEKDAYS) {
                counters.addOpening(projectors, day, LocalTime.of(9, 0), LocalTime.of(17, 0));
            }
            counters.createType(projectors, "videoprojecteur-demi-journee", "Vidéoprojecteur — demi-journée", 240, 24,
                    60, 1, false, Audience.ASSOCIATIONS, 0);
            counters.createType(projectors, "videoprojecteur-journee", "Vidéoprojecteur — journée", 480, 24, 60, 1,
                    false, Audience.ASSOCIATIONS, 0);
        }
    }

    /** Two half-days: 8 h 30 to 12 h 30 and 13 h 30 to 17 h 30, each the length of a 240-minute type. */
    private void halfDays(long agenda, DayOfWeek day) {
        counters.addOpening(agenda, day, LocalTime.of(8, 30), LocalTime.of(12, 30));
        counters.addOpening(agenda, day, LocalTime.of(13, 30), LocalTime.of(17, 30));
    }
}
