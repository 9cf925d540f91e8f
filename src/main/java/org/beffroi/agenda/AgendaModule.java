package org.beffroi.agenda;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agenda's menus, permission, personal data, retention, search documents and demo events. */
@Component
public class AgendaModule implements ServiceModule {

    public static final Permission MANAGE_EVENTS = Permission.of("agenda", "events", AGENT, ADMINISTRATOR);
    /** Registrations are kept a year after their event, for the commune's attendance figures. */
    static final Duration REGISTRATION_RETENTION = Duration.ofDays(365);

    private final EventRepository events;
    private final RegistrationDesk desk;
    private final JdbcClient jdbc;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;

    AgendaModule(EventRepository events, RegistrationDesk desk, JdbcClient jdbc, Neighbourhoods neighbourhoods,
            Clock clock) {
        this.events = events;
        this.desk = desk;
        this.jdbc = jdbc;
        this.neighbourhoods = neighbourhoods;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "agenda";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE_EVENTS);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.agenda", "/agenda", 20));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.agenda", "/admin/agenda", MANAGE_EVENTS, 50));
    }

    /** The next dates on the home page (a weekly event shows its next repetitions). */
    @Override
    public List<HomeBlock> homeBlocks() {
        return List.of(new HomeBlock("agenda/home-block", Map.of("events", events.upcoming(clock.instant(), 3)), 10));
    }

    /** The neighbourhood's next dates on its page. */
    @Override
    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        var filter = new EventRepository.Filter(null, neighbourhoodId, false);
        return List.of(new HomeBlock("agenda/home-block", Map.of("events", events.upcoming(clock.instant(), filter, 5)),
                20));
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var registrations = desk.registrationsOf(subject).stream()
                .map(r -> Map.<String, Object>of("event", events.find(r.eventId()).map(Event::title).orElse(""),
                        "name", r.name(), "email", r.email(), "status", r.status().name(),
                        "registeredAt", r.createdAt().toString()))
                .toList();
        return registrations.isEmpty() ? Map.of() : Map.of("registrations", registrations);
    }

    /**
     * Frees the person's seats (the waiting list moves up), then forgets them: those taken signed in, and those
     * taken with the account's verified address.
     */
    @Override
    public void erasePersonalData(DataSubject subject) {
        desk.eraseAllOf(subject);
    }

    @Override
    public void applyRetention() {
        jdbc.sql("delete from agenda_registration where event_id in (select id from agenda_event where ends_at < ?)")
                .param(OffsetDateTime.now(clock).minus(REGISTRATION_RETENTION)).update();
    }

    @Override
    public Stream<SearchDocument> searchDocuments() {
        return events.all().stream().map(Programme::searchDocument);
    }

    @Override
    public void seedDemoData() {
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
