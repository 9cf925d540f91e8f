package org.beffroi.appointments;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.DemoAppointments;
import org.beffroi.appointments.internal.WaitingList;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The appointments' menus, permission, personal data, retention and demo counter. */
@Component
@RequiredArgsConstructor
public class AppointmentsModule implements ServiceModule {

    public static final Permission MANAGE_APPOINTMENTS = Permission.of(ManageAppointments.AUTHORITY, AGENT,
            ADMINISTRATOR);

    public static final Permission SETUP_APPOINTMENTS = Permission.of(SetupAppointments.AUTHORITY, ADMINISTRATOR);

    private final BookingDesk desk;
    private final Counters counters;
    private final DemoAppointments demo;
    private final WaitingList waitingList;

    @Override
    public String id() {
        return "appointments";
    }

    @Override
    public int order() {
        return 58;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE_APPOINTMENTS, SETUP_APPOINTMENTS);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.appointments", "/rendez-vous", 45));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.appointments", "/admin/rendez-vous", MANAGE_APPOINTMENTS, 58),
                MenuEntry.restricted("admin.menu.appointments-setup", "/admin/rendez-vous/reglages", SETUP_APPOINTMENTS, 59));
    }

    /** An appointment to come, on "Mon compte". */
    public record AccountAppointment(String typeName, java.time.Instant startsAt, String counterName) {
    }

    /** The person's next three appointments, on "Mon compte", with the way to all of them. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        var next = desk.upcomingOfAccount(subject.accountId()).stream().limit(3)
                .map(b -> new AccountAppointment(
                        b.typeId() == null ? "" : counters.type(b.typeId()).map(t -> t.name()).orElse(""),
                        b.startsAt(), counters.counter(b.agendaId()).map(c -> c.name()).orElse("")))
                .toList();
        return List.of(new HomeBlock("appointments/account-block", Map.of("appointments", next), 36));
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var bookings = desk.bookingsOf(subject).stream()
                .map(b -> Map.<String, Object>of("type",
                        b.typeId() == null ? "" : counters.type(b.typeId()).map(t -> t.name()).orElse(""),
                        "startsAt", b.startsAt().toString(), "status", b.status().name(),
                        "name", b.name() == null ? "" : b.name(), "email", b.email() == null ? "" : b.email(),
                        "phone", b.phone() == null ? "" : b.phone(),
                        "preApplication", b.preApplication() == null ? "" : b.preApplication()))
                .toList();
        var waiting = waitingList.entriesOf(subject);
        var data = new java.util.LinkedHashMap<String, Object>();
        if (!bookings.isEmpty()) {
            data.put("bookings", bookings);
        }
        if (!waiting.isEmpty()) {
            data.put("waitingList", waiting);
        }
        return data;
    }

    /** The person's bookings are deleted and their slots freed; their waiting-list entries deleted. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        desk.eraseAllOf(subject);
    }

    /** Bookings a year after their appointment, and those never confirmed. */
    @Override
    public void applyRetention() {
        desk.applyRetention();
    }

    @Override
    public void seedDemoData() {
        demo.seed();
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_APPOINTMENTS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageAppointments.AUTHORITY + "')")
    public @interface ManageAppointments {
        String AUTHORITY = "appointments:bookings";
    }

    /** On a controller or a handler: only for those granted {@link #SETUP_APPOINTMENTS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + SetupAppointments.AUTHORITY + "')")
    public @interface SetupAppointments {
        String AUTHORITY = "appointments:setup";
    }
}
