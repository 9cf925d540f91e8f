package org.beffroi.platform;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;
import static org.beffroi.platform.Role.ELECTED;
import static org.beffroi.platform.Role.MODERATOR;
import static org.beffroi.platform.Role.ORGANISATION_MANAGER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.internal.AddressFile;
import org.beffroi.platform.internal.JdbcAddresses;
import org.beffroi.platform.internal.PlatformRetention;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The platform's own contributions: commune settings and the mail outbox in the back office. */
@Component
@RequiredArgsConstructor
public class PlatformModule implements ServiceModule {

    /** Opens the back office; each page then asks for its own permission. */
    public static final Permission BACK_OFFICE = Permission.of(BackOffice.AUTHORITY, AGENT, ELECTED,
            ORGANISATION_MANAGER, MODERATOR, ADMINISTRATOR);
    public static final Permission MANAGE_SETTINGS = Permission.of(ManageSettings.AUTHORITY, ADMINISTRATOR);
    public static final Permission READ_OUTBOX = Permission.of(ReadOutbox.AUTHORITY, ADMINISTRATOR);
    public static final Permission READ_AUDIT_LOG = Permission.of(ReadAuditLog.AUTHORITY, ADMINISTRATOR);

    private final AuditLog audit;
    private final PlatformRetention retention;
    private final Commune commune;
    private final JdbcAddresses addresses;

    @Override
    public String id() {
        return "platform";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(BACK_OFFICE, MANAGE_SETTINGS, READ_OUTBOX, READ_AUDIT_LOG);
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.settings", "/admin/commune", MANAGE_SETTINGS, 10),
                MenuEntry.restricted("admin.menu.audit", "/admin/journal", READ_AUDIT_LOG, 80),
                MenuEntry.restricted("admin.menu.outbox", "/admin/courriels", READ_OUTBOX, 90),
                MenuEntry.restricted("admin.menu.components", "/admin/composants", BACK_OFFICE, 95));
    }

    /** The online backup is asked for by a command on the server itself (actuator: this machine only), with no form. */
    @Override
    public List<String> pathsWithoutCsrf() {
        return List.of("/actuator/backup");
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var entries = audit.entriesOf(subject.accountId()).stream()
                .map(e -> Map.of("at", e.occurredAt().toString(), "action", e.action(),
                        "ip", e.ip() == null ? "" : e.ip()))
                .toList();
        return entries.isEmpty() ? Map.of() : Map.of("securityLog", entries);
    }

    @Override
    public void erasePersonalData(DataSubject subject) {
        audit.anonymiseActor(subject.accountId());
    }

    @Override
    public void applyRetention() {
        retention.apply();
    }

    /** The fictional commune's streets and places, offered on its forms' addresses. */
    static final List<String> DEMO_STREETS = List.of("place de la Halle", "place de l’Église", "rue des Tilleuls",
            "allée des Tilleuls", "rue du Moulin", "chemin du Bief", "rue de la Mairie", "rue Saint-Martin",
            "impasse des Jardins", "route de la Croix-Rousse", "chemin des Champs", "rue du Stade",
            "avenue de la Gare", "rue des Écoles", "chemin de la Rivière", "lieu-dit Les Granges");

    @Override
    public void seedDemoData() {
        var current = commune.settings();
        if (current.name().equals(Commune.PLACEHOLDER_NAME)) {
            commune.update(new CommuneSettings("Belvoir-les-Tilleuls", "01999", "mairie@belvoir.example",
                    "04 00 00 00 00", "1 place de la Halle, 01999 Belvoir-les-Tilleuls", "#1d4f91", "#a3361e",
                    current.logoFileId(), "Mme la maire de Belvoir-les-Tilleuls",
                    "Commune de Belvoir-les-Tilleuls, 1 place de la Halle, 01999 Belvoir-les-Tilleuls, 04 00 00 00 00",
                    null, null), DEMO_STREETS);
        } else if (current.name().equals("Belvoir-les-Tilleuls") && commune.streets().isEmpty()) {
            commune.update(current, DEMO_STREETS);
        }
        if (addresses.count() == 0) {
            seedDemoAddresses();
        }
        commune.open();
    }

    /** The fictional commune's addresses, in the national base's format: the file an administrator would import. */
    private void seedDemoAddresses() {
        try (var file = PlatformModule.class.getResourceAsStream("/platform/demo-adresses.csv")) {
            var reading = AddressFile.read(file);
            if (!reading.accepted()) {
                throw new IllegalStateException("the demo's addresses are refused: " + reading);
            }
            addresses.replaceAll(reading.rows(), "demo-adresses.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a controller or a handler: only for those granted {@link #BACK_OFFICE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + BackOffice.AUTHORITY + "')")
    public @interface BackOffice {
        String AUTHORITY = "platform:backoffice";
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_SETTINGS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageSettings.AUTHORITY + "')")
    public @interface ManageSettings {
        String AUTHORITY = "platform:settings";
    }

    /** On a controller or a handler: only for those granted {@link #READ_OUTBOX}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ReadOutbox.AUTHORITY + "')")
    public @interface ReadOutbox {
        String AUTHORITY = "platform:outbox";
    }

    /** On a controller or a handler: only for those granted {@link #READ_AUDIT_LOG}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ReadAuditLog.AUTHORITY + "')")
    public @interface ReadAuditLog {
        String AUTHORITY = "platform:audit";
    }
}
