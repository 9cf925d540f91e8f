package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.platform.CommuneSettingsChanged;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.SignedInUser;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

@Service
class JdbcCommune implements Commune {

    /**
     * Short enough that every node shows a change within seconds, long enough to spare the database on each page.
     * Past it, the settings are read again in the background while callers keep the ones they had: a caller inside a
     * transaction holds a connection, and with every connection so held, a reader waiting for one would wait for
     * ever (seen under load: filings inside their transaction all waiting for the settings).
     */
    private static final Duration CACHE_TIME = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final LoadingCache<Integer, State> cache;
    private final RenderedPages pages;

    JdbcCommune(JdbcClient jdbc, Clock clock, AuditLog audit, ApplicationEventPublisher events, RenderedPages pages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.pages = pages;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(CACHE_TIME).build(id -> load());
    }

    @Override
    public CommuneSettings settings() {
        return cache.get(1).settings();
    }

    @Override
    public java.util.List<String> streets() {
        return cache.get(1).streets();
    }

    @Override
    @Transactional
    public void update(CommuneSettings settings, java.util.List<String> streets) {
        jdbc.sql("update platform_commune set streets = ? where id = 1")
                .param(streets == null || streets.isEmpty() ? null : String.join("\n", streets)).update();
        update(settings);
    }

    @Override
    public boolean isOpen() {
        return cache.get(1).open();
    }

    @Override
    @Transactional
    public void open() {
        if (jdbc.sql("update platform_commune set opened_at = ? where id = 1 and opened_at is null")
                .param(OffsetDateTime.now(clock)).update() > 0) {
            cache.invalidateAll();
            audit.record("site.opened", "commune", null);
            events.publishEvent(new CommuneSettingsChanged(SignedInUser.current().map(SignedInUser::accountId).orElse(null)));
        }
    }

    @Override
    @Transactional
    public void update(CommuneSettings s) {
        jdbc.sql("""
                update platform_commune set name = ?, insee_code = ?, contact_email = ?, contact_phone = ?,
                  postal_address = ?, primary_colour = ?, accent_colour = ?, logo_file_id = ?, publication_director = ?,
                  host_details = ?, accessibility_audit_date = ?, accessibility_audit_rate = ?, updated_at = ?
                where id = 1""")
                .params(s.name(), s.inseeCode(), s.contactEmail(), s.contactPhone(), s.postalAddress(),
                        s.primaryColour(), s.accentColour(), s.logoFileId(), s.publicationDirector(), s.hostDetails(),
                        s.accessibilityAuditDate(), s.accessibilityAuditRate(), OffsetDateTime.now(clock))
                .update();
        cache.invalidateAll();
        audit.record("settings.changed", "commune", null);
        events.publishEvent(new CommuneSettingsChanged(SignedInUser.current().map(SignedInUser::accountId).orElse(null)));
    }

    /**
     * Again once the change is committed: a page read between the first clearing and the commit may have
     * kept the old settings.
     */
    @EventListener
    void on(CommuneSettingsChanged change) {
        AfterCommit.run(() -> {
            cache.invalidateAll();
            pages.clear(); // every page kept for visitors shows the settings
        });
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        cache.invalidateAll(); // the pages kept for visitors are cleared after every listener
    }

    private State load() {
        return jdbc.sql("select * from platform_commune where id = 1")
                .query((rs, n) -> new State(new CommuneSettings(rs.getString("name"), rs.getString("insee_code"),
                        rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("postal_address"),
                        rs.getString("primary_colour"), rs.getString("accent_colour"),
                        rs.getObject("logo_file_id", UUID.class), rs.getString("publication_director"),
                        rs.getString("host_details"), rs.getObject("accessibility_audit_date", java.time.LocalDate.class),
                        rs.getObject("accessibility_audit_rate", Integer.class)), rs.getObject("opened_at") != null,
                        lines(rs.getString("streets"))))
                .single();
    }

    private static java.util.List<String> lines(String text) {
        return text == null ? java.util.List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private record State(CommuneSettings settings, boolean open, java.util.List<String> streets) {
    }
}
