package org.beffroi.agenda;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.internal.DemoEvents;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The agenda's menus, permission and home blocks; its personal data, retention, search documents and demo events,
 * which its services hold.
 */
@Component
@RequiredArgsConstructor
public class AgendaModule implements ServiceModule {

    public static final Permission MANAGE_EVENTS = Permission.of(ManageEvents.AUTHORITY, AGENT, ADMINISTRATOR);

    private final EventRepository events;
    private final RegistrationDesk desk;
    private final DemoEvents demoEvents;
    private final Clock clock;

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

    /** The person's registrations to come, each with a button that cancels it. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        return List.of(new HomeBlock("agenda/account-block", Map.of("registrations", desk.heldBy(subject)), 10));
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
        desk.forgetRegistrationsOfPastEvents();
    }

    @Override
    public Stream<SearchDocument> searchDocuments() {
        return events.all().stream().map(Programme::searchDocument);
    }

    @Override
    public void seedDemoData() {
        demoEvents.seed();
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_EVENTS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageEvents.AUTHORITY + "')")
    public @interface ManageEvents {
        String AUTHORITY = "agenda:events";
    }
}
