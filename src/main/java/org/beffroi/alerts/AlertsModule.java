package org.beffroi.alerts;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.beffroi.alerts.internal.AccountSubscriptions;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.AlertsRetention;
import org.beffroi.alerts.internal.Bounces;
import org.beffroi.alerts.internal.PublicAlertPages;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.alerts.internal.VulnerablePeople;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The alerts module's menus, permissions, home block, search documents (published alerts, sent newsletter
 * issues), personal data (subscriptions, register) and retention.
 */
@Component
public class AlertsModule implements ServiceModule {

    /** Compose and send alerts and newsletters. */
    public static final Permission SEND_ALERTS = Permission.of(SendAlerts.AUTHORITY, AGENT, ADMINISTRATOR);
    /** See and keep the register of vulnerable people: personal and health data, few people. */
    public static final Permission VULNERABLE_REGISTER = Permission.of(KeepTheRegister.AUTHORITY, ADMINISTRATOR);
    /** Export every subscriber's address at once (the list is read a page at a time with {@link #SEND_ALERTS}). */
    public static final Permission EXPORT_SUBSCRIBERS = Permission.of(ExportSubscribers.AUTHORITY, ADMINISTRATOR);
    /** Edit the topics residents subscribe to. */
    public static final Permission TOPICS = Permission.of(EditTopics.AUTHORITY, ADMINISTRATOR);

    /** The one-click unsubscribe (RFC 8058): mail clients post to it without a CSRF token. */
    public static final String ONE_CLICK_UNSUBSCRIBE = "/alertes/desabonnement";
    /** The bounce pipe: a mail server posts bounces to it with a secret token, without a CSRF token. */
    public static final String BOUNCE_PIPE = "/alertes/retours";

    private final AlertDesk desk;
    private final Subscriptions subscriptions;
    private final VulnerablePeople register;
    private final PublicAlertPages publicPages;
    private final Bounces bounces;
    private final AlertsRetention retention;
    private final AccountSubscriptions accountSubscriptions;

    AlertsModule(AlertDesk desk, Subscriptions subscriptions, VulnerablePeople register, PublicAlertPages publicPages,
            Bounces bounces, AlertsRetention retention, AccountSubscriptions accountSubscriptions) {
        this.accountSubscriptions = accountSubscriptions;
        this.desk = desk;
        this.subscriptions = subscriptions;
        this.register = register;
        this.publicPages = publicPages;
        this.bounces = bounces;
        this.retention = retention;
    }

    /**
     * A draft alert prepared by another module (reports: sewage discharges on a beach), around a point, under the
     * topic of the given code (the first active topic if none has it): nothing is sent; an agent reviews it among the
     * drafts and sends it or deletes it. Like an imported warning, it is nobody's action and leaves no audit entry.
     * Answers the alert's id.
     */
    public long prepareDraft(Severity severity, String topicCode, double latitude, double longitude, int radiusMetres,
            String title, String body, Instant startsAt, Instant endsAt) {
        return desk.prepare(severity, topicCode, latitude, longitude, radiusMetres, title, body, startsAt, endsAt);
    }

    @Override
    public String id() {
        return "alerts";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(SEND_ALERTS, VULNERABLE_REGISTER, TOPICS, EXPORT_SUBSCRIBERS);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.alerts", "/alertes", 60),
                MenuEntry.open("nav.newsletters", "/lettres", 61)); // newsletters
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.alerts", "/admin/alertes", SEND_ALERTS, 45),
                MenuEntry.restricted("admin.menu.alerts.topics", "/admin/themes-alertes", TOPICS, 46),
                MenuEntry.restricted("register.admin.menu", "/admin/registre", VULNERABLE_REGISTER, 62),
                MenuEntry.restricted("admin.menu.newsletters", "/admin/lettres", SEND_ALERTS, 47)); // newsletters
    }

    @Override
    public List<String> pathsWithoutCsrf() {
        return List.of(ONE_CLICK_UNSUBSCRIBE, BOUNCE_PIPE);
    }

    /** The alerts in progress, and how to subscribe. */
    @Override
    public List<HomeBlock> homeBlocks() {
        return List.of(new HomeBlock("alerts/home-block", Map.of("alerts", desk.active()), 5));
    }

    /** The person's subscriptions to alerts and newsletters, each with its links to change it or unsubscribe. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        return List.of(new HomeBlock("alerts/account-block", Map.of("subscriptions", accountSubscriptions.heldBy(subject)), 20));
    }

    /** The published alerts (ended ones too: their page stays public) and the sent newsletter issues. */
    @Override
    public Stream<SearchDocument> searchDocuments() {
        return publicPages.searchDocuments();
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var list = subscriptions.of(subject).stream()
                .map(s -> Map.<String, Object>of("channel", s.channel().name(), "address", s.address(),
                        "status", s.status().name(), "area", s.area().kind().name(), "topics", s.topicIds(),
                        "newsletterLists", subscriptions.lists(s.id()), "createdAt", s.createdAt().toString()))
                .toList();
        var data = new java.util.LinkedHashMap<String, Object>();
        if (!list.isEmpty()) {
            data.put("subscriptions", list);
        }
        if (subject.address().filter(bounces::suppressed).isPresent()) {
            data.put("addressSuppressedAfterBounce", true);
        }
        var entries = register.export(subject.accountId());
        if (!entries.isEmpty()) {
            data.put("vulnerableRegister", entries);
        }
        return data;
    }

    /** Subscriptions made signed in or to the account's verified address, that address's bounce record, the register. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        subscriptions.erase(subject);
        register.eraseAccount(subject.accountId());
    }

    /** See {@link AlertsRetention}. */
    @Override
    public void applyRetention() {
        retention.apply();
    }

    /** On a controller or a handler: only for those granted {@link #SEND_ALERTS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + SendAlerts.AUTHORITY + "')")
    public @interface SendAlerts {
        String AUTHORITY = "alerts:send";
    }

    /** On a controller or a handler: only for those granted {@link #VULNERABLE_REGISTER}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + KeepTheRegister.AUTHORITY + "')")
    public @interface KeepTheRegister {
        String AUTHORITY = "alerts:register";
    }

    /** On a controller or a handler: only for those granted {@link #EXPORT_SUBSCRIBERS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ExportSubscribers.AUTHORITY + "')")
    public @interface ExportSubscribers {
        String AUTHORITY = "alerts:export-subscribers";
    }

    /** On a controller or a handler: only for those granted {@link #TOPICS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + EditTopics.AUTHORITY + "')")
    public @interface EditTopics {
        String AUTHORITY = "alerts:topics";
    }
}
