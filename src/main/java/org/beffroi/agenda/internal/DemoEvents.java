package org.beffroi.agenda.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.platform.CommuneTime;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.stereotype.Component;

/** The demo commune's events: a workshop with few seats, the weekly market, the council's meeting. */
@Component
@RequiredArgsConstructor
public class DemoEvents {

    private final EventRepository events;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;

    /** Adds them to an empty agenda; does nothing to an agenda that has events. */
    public void seed() {
        if (!events.all().isEmpty()) {
            return;
        }
        Long centre = neighbourhoods.all().stream().filter(n -> n.slug().equals("centre-bourg")).findFirst()
                .map(n -> n.id()).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        events.insert(event("Café numérique : premiers pas sur la tablette",
                "Un atelier convivial pour apprendre à se servir d'une tablette : allumer, se connecter au Wi-Fi, "
                        + "envoyer une photo à ses petits-enfants. Tablettes prêtées sur place.",
                today.plusDays(9), LocalTime.of(14, 30), 2, "Médiathèque, 3 rue des Écoles", Category.TRAINING, centre,
                true, null, "Salle de plain-pied, boucle magnétique.", 12, null, new Event.Position(46.1012, 5.3198)));
        // every week on the same weekday, as the market is
        events.insert(event("Marché des producteurs", "Fruits, légumes, fromages et miel des fermes de la commune.",
                today.plusDays(4), LocalTime.of(8, 0), 5, "Place de la Halle", Category.MARKET, centre, true, null,
                "Place accessible en fauteuil roulant.", null, "FREQ=WEEKLY", new Event.Position(46.0998, 5.3212)));
        events.insert(event("Conseil municipal", "Séance publique du conseil municipal. Ordre du jour affiché en mairie.",
                today.plusDays(16), LocalTime.of(19, 0), 2, "Salle du conseil, mairie", Category.CITIZENSHIP, centre, true,
                null, "Salle au rez-de-chaussée.", null, null, new Event.Position(46.1005, 5.3204)));
    }

    private static Event event(String title, String description, LocalDate day, LocalTime start, int hours, String place,
            Category category, Long neighbourhood, boolean free, String price, String accessibility, Integer capacity,
            String recurrence, Event.Position position) {
        var starts = day.atTime(start).atZone(CommuneTime.ZONE).toInstant();
        return new Event(0, title, description, starts, starts.plus(Duration.ofHours(hours)), place, category,
                neighbourhood, free, price, accessibility, capacity, recurrence, position);
    }
}
