package org.beffroi.alerts.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.beffroi.alerts.Severity;
import org.beffroi.alerts.internal.CapReader.AreaPart;
import org.beffroi.alerts.internal.CapReader.Info;
import org.beffroi.alerts.internal.CapReader.MalformedCap;
import org.beffroi.alerts.internal.CapReader.Message;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.beffroi.platform.OutgoingRequests;
import org.beffroi.platform.OutgoingRequests.Request;
import org.beffroi.platform.OutgoingRequests.Unreachable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Takes warnings from an outside CAP source (a single CAP document, or an Atom or RSS feed whose entries
 * link to CAP documents): each new actual warning, not expired, whose area concerns the commune becomes a
 * draft alert for an agent to check, edit and send, or discard. A warning is remembered by its sender and
 * identifier (unique in the database) and never imported twice; an update of an imported warning changes
 * its draft while it is not sent. A source or a document that cannot be read is logged and skipped. Every
 * address, the source's and each link's, is fetched through {@link OutgoingRequests}; a source that does not
 * answer 200, whatever the reason, is logged as unreachable, and nothing more.
 */
@Service
public class CapImporter {

    private static final Logger log = LoggerFactory.getLogger(CapImporter.class);
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ENTRIES = 100;
    /** The longest a whole answer may take to arrive, headers included. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(60);

    /** What became of one CAP message. */
    public enum Outcome {
        DRAFTED, UPDATED, CANCELLED, ALREADY_SEEN, NOT_FOR_US, IGNORED, FAILED
    }

    /** What one poll did: CAP messages by outcome. */
    public record Report(Map<Outcome, Integer> outcomes) {

        public int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    /** The source of an imported draft, for the back office. */
    public record Source(String senderName, String url) {
    }

    private final JdbcClient jdbc;
    private final AlertDesk desk;
    private final Topics topics;
    private final Commune commune;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String importUrl;
    private final double communeLatitude;
    private final double communeLongitude;
    private final double communeRadius;
    private final OutgoingRequests outgoing;
    private final AuditLog audit;
    private final GeometryFactory geometries = new GeometryFactory();

    CapImporter(JdbcClient jdbc, AlertDesk desk, Topics topics, Commune commune, Clock clock,
            TransactionTemplate transactions, OutgoingRequests outgoing, AuditLog audit, @Value("${beffroi.alerts.cap.import-url:}") String importUrl,
            @Value("${beffroi.alerts.commune.latitude}") double communeLatitude,
            @Value("${beffroi.alerts.commune.longitude}") double communeLongitude,
            @Value("${beffroi.alerts.commune.radius-metres}") double communeRadius) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.topics = topics;
        this.commune = commune;
        this.clock = clock;
        this.transactions = transactions;
        this.outgoing = outgoing;
        this.audit = audit;
        this.importUrl = importUrl == null ? "" : importUrl.strip();
        this.communeLatitude = communeLatitude;
        this.communeLongitude = communeLongitude;
        this.communeRadius = communeRadius;
    }

    /** The configured source, polled by the recurring task; nothing when no source is configured. */
    public Report poll() {
        return importUrl.isEmpty() ? new Report(Map.of()) : poll(URI.create(importUrl));
    }

    /** Reads the source once: a CAP document, or a feed whose entries link to CAP documents. */
    public Report poll(URI source) {
        var outcomes = new java.util.EnumMap<Outcome, Integer>(Outcome.class);
        org.w3c.dom.Document document;
        try {
            document = CapReader.parse(fetch(source));
        } catch (Unreachable e) {
            log.warn("CAP source {} unreachable", source);
            outcomes.merge(Outcome.FAILED, 1, Integer::sum);
            return new Report(outcomes);
        } catch (MalformedCap | RuntimeException e) {
            log.warn("CAP source {} could not be read: {}", source, describe(e));
            outcomes.merge(Outcome.FAILED, 1, Integer::sum);
            return new Report(outcomes);
        }
        if (CapReader.isCap(document)) {
            outcomes.merge(take(document, source), 1, Integer::sum);
            return new Report(outcomes);
        }
        for (URI link : capLinks(document, source)) {
            Outcome outcome;
            try {
                outcome = take(CapReader.parse(fetch(link)), link);
            } catch (Unreachable e) {
                log.warn("CAP document {} unreachable", link);
                outcome = Outcome.FAILED;
            } catch (MalformedCap | RuntimeException e) {
                log.warn("CAP document {} skipped: {}", link, describe(e));
                outcome = Outcome.FAILED;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return new Report(outcomes);
    }

    /** The source of each imported alert among the given ones. */
    public Map<Long, Source> sources(List<Long> alertIds) {
        var result = new java.util.HashMap<Long, Source>();
        if (alertIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select alert_id, sender_name, sender, source_url from alerts_cap_import where alert_id in (:ids) "
                + "order by id").param("ids", alertIds)
                .query((rs, n) -> result.putIfAbsent(rs.getLong(1), new Source(
                        rs.getString(2) == null ? rs.getString(3) : rs.getString(2), rs.getString(4))))
                .list();
        return result;
    }

    public Optional<Source> source(long alertId) {
        return Optional.ofNullable(sources(List.of(alertId)).get(alertId));
    }

    /**
     * An agent discards an imported draft that was not sent; the warning stays remembered, so it does not come
     * back. Refused (false) once the alert left the draft.
     */
    public boolean discard(Alert alert) {
        return alert.state() == Alert.State.DRAFT && Boolean.TRUE.equals(transactions.execute(status -> {
            if (source(alert.id()).isEmpty()) {
                return false;
            }
            jdbc.sql("update alerts_cap_import set outcome = 'DISCARDED' where alert_id = ?").param(alert.id()).update();
            boolean discarded = jdbc.sql("delete from alerts_alert where id = ? and send_at is null").param(alert.id())
                    .update() == 1;
            if (discarded) {
                audit.record("alert.cap-discarded", "alert:" + alert.id(), alert.title());
            }
            return discarded;
        }));
    }

    private Outcome take(org.w3c.dom.Document document, URI source) {
        Message message;
        try {
            message = CapReader.read(document);
        } catch (MalformedCap e) {
            log.warn("CAP document {} skipped: {}", source, e.getMessage());
            return Outcome.FAILED;
        }
        if (!"Actual".equals(message.status()) || !"Public".equals(message.scope()) || message.infos().isEmpty()) {
            return Outcome.IGNORED;
        }
        Info info = message.infos().stream()
                .filter(i -> i.language() != null && i.language().toLowerCase(Locale.ROOT).startsWith("fr"))
                .findFirst().orElse(message.infos().getFirst());
        Instant now = clock.instant();
        if (info.expires() != null && !info.expires().isAfter(now)) {
            return Outcome.IGNORED;
        }
        if (!"Cancel".equals(message.msgType()) && message.infos().stream().flatMap(i -> i.areas().stream())
                .noneMatch(this::concernsCommune)) {
            return Outcome.NOT_FOR_US;
        }
        try {
            return transactions.execute(status -> store(message, info, source));
        } catch (DuplicateKeyException e) {
            return Outcome.ALREADY_SEEN;
        }
    }

    private Outcome store(Message message, Info info, URI source) {
        if (jdbc.sql("select count(*) from alerts_cap_import where sender = ? and identifier = ?")
                .params(message.sender(), message.identifier()).query(Long.class).single() > 0) {
            return Outcome.ALREADY_SEEN;
        }
        var reference = referencedDraft(message);
        if (reference.isEmpty() && "Cancel".equals(message.msgType())) {
            return Outcome.IGNORED;
        }
        // -1: the warning was ours, but its draft is gone (discarded or cancelled): nothing comes back
        Long earlier = reference.filter(id -> id > 0).orElse(null);
        boolean known = reference.isPresent();
        Long alertId;
        Outcome outcome;
        switch (message.msgType()) {
            case "Alert" -> {
                alertId = desk.insert(draft(info, message), null);
                outcome = Outcome.DRAFTED;
            }
            case "Update" -> {
                if (earlier != null && desk.edit(earlier, draft(info, message))) {
                    alertId = earlier;
                    outcome = Outcome.UPDATED;
                } else if (!known) {
                    alertId = desk.insert(draft(info, message), null);
                    outcome = Outcome.DRAFTED;
                } else {
                    alertId = null;
                    outcome = Outcome.IGNORED;
                }
            }
            case "Cancel" -> {
                alertId = null;
                outcome = earlier != null && jdbc.sql("delete from alerts_alert where id = ? and send_at is null")
                        .param(earlier).update() == 1 ? Outcome.CANCELLED : Outcome.IGNORED;
            }
            default -> {
                alertId = null;
                outcome = Outcome.IGNORED;
            }
        }
        jdbc.sql("""
                insert into alerts_cap_import (sender, identifier, sent, msg_type, sender_name, source_url, alert_id,
                    outcome, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(message.sender(), message.identifier(), message.sent().atOffset(ZoneOffset.UTC),
                        message.msgType(), cut(info.senderName(), 255), cut(source.toString(), 1000), alertId,
                        outcome.name(), OffsetDateTime.now(clock))
                .update();
        if (outcome == Outcome.DRAFTED || outcome == Outcome.UPDATED) {
            log.info("CAP warning {} from {} {} as draft alert {}", message.identifier(), message.sender(),
                    outcome == Outcome.DRAFTED ? "imported" : "updated", alertId);
        }
        return outcome;
    }

    /**
     * The imported warning this message updates or cancels: empty when it refers to none we took; its
     * draft's id, or null when that draft was discarded or cancelled.
     */
    private Optional<Long> referencedDraft(Message message) {
        for (var reference : message.references().reversed()) {
            var known = jdbc.sql("select alert_id from alerts_cap_import where sender = ? and identifier = ?")
                    .params(reference.sender(), reference.identifier())
                    .query((rs, n) -> Optional.ofNullable(rs.getObject(1) == null ? null : rs.getLong(1))).optional();
            if (known.isPresent()) {
                return known.get().isPresent() ? known.get() : Optional.of(-1L);
            }
        }
        return Optional.empty();
    }

    private AlertDesk.Draft draft(Info info, Message message) {
        String title = firstNonBlank(info.headline(), info.event(), message.identifier());
        var body = new StringBuilder(firstNonBlank(info.description(), info.event(), title).strip());
        if (info.instruction() != null && !info.instruction().isBlank()) {
            body.append("\n\n").append(info.instruction().strip());
        }
        Instant starts = info.effective() != null ? info.effective() : info.onset() != null ? info.onset() : message.sent();
        Instant ends = info.expires() != null && info.expires().isAfter(starts) ? info.expires()
                : starts.plus(Duration.ofDays(1));
        String web = info.web() != null && info.web().strip().matches("https?://\\S+") && info.web().strip().length() <= 500
                ? info.web().strip() : null;
        return new AlertDesk.Draft(severity(info.severity()), topic(info.categories()), Area.commune(), cut(title, 200),
                cut(body.toString(), 5000), web, starts, ends);
    }

    static Severity severity(String capSeverity) {
        return switch (capSeverity == null ? "" : capSeverity) {
            case "Extreme", "Severe" -> Severity.DANGER;
            case "Moderate" -> Severity.WARNING;
            default -> Severity.INFORMATION;
        };
    }

    /** The topic of the first CAP category we have one for; the first active topic otherwise. */
    private long topic(List<String> categories) {
        var codes = new LinkedHashSet<String>();
        for (String category : categories) {
            codes.add(switch (category) {
                case "Met" -> "weather";
                case "Transport" -> "roads";
                case "Infra" -> "utilities";
                case "Health" -> "health";
                case "Geo", "Safety", "Security", "Rescue", "Fire", "Env", "CBRNE" -> "security";
                default -> "";
            });
        }
        var all = topics.all();
        return codes.stream().flatMap(c -> all.stream().filter(t -> t.active() && t.code().equals(c)))
                .findFirst().or(() -> all.stream().filter(Topic::active).findFirst()).orElseThrow().id();
    }

    /**
     * Whether a CAP area reaches the commune, taken as the circle of the configured radius around its
     * centre: a polygon or circle that meets it, or a geocode naming the commune's INSEE code or department.
     */
    boolean concernsCommune(AreaPart area) {
        String insee = commune.settings().inseeCode();
        if (insee != null && !insee.isBlank()) {
            String code = insee.strip().toUpperCase(Locale.ROOT);
            String department = code.startsWith("97") && code.length() >= 3 ? code.substring(0, 3) : code.substring(0, 2);
            for (var geocode : area.geocodes()) {
                String name = geocode.valueName() == null ? "" : geocode.valueName().toUpperCase(Locale.ROOT);
                String value = geocode.value() == null ? "" : geocode.value().strip().toUpperCase(Locale.ROOT);
                if (name.contains("INSEE") && value.equals(code)) {
                    return true;
                }
                if ((name.contains("DEP") || name.contains("DPT")) && value.replaceFirst("^FR-?", "").equals(department)) {
                    return true;
                }
            }
        }
        for (String circle : area.circles()) {
            String[] parts = circle.strip().split("[,\\s]+");
            if (parts.length == 3) {
                try {
                    double radius = Double.parseDouble(parts[2]) * 1000;
                    if (Geography.distance(communeLatitude, communeLongitude, Double.parseDouble(parts[0]),
                            Double.parseDouble(parts[1])) <= communeRadius + radius) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    log.debug("CAP circle not read: {}", circle);
                }
            }
        }
        for (String polygon : area.polygons()) {
            if (meetsCommune(polygon)) {
                return true;
            }
        }
        return false;
    }

    /** The polygon on a flat projection around the commune's centre, against the commune's circle. */
    private boolean meetsCommune(String polygon) {
        double metresPerDegreeLat = Math.toRadians(Geography.EARTH_RADIUS_METRES);
        double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(communeLatitude));
        var points = new ArrayList<Coordinate>();
        try {
            for (String pair : polygon.strip().split("\\s+")) {
                String[] latLon = pair.split(",");
                points.add(new Coordinate((Double.parseDouble(latLon[1]) - communeLongitude) * metresPerDegreeLon,
                        (Double.parseDouble(latLon[0]) - communeLatitude) * metresPerDegreeLat));
            }
            if (points.size() < 4 || !points.getFirst().equals2D(points.getLast())) {
                return false;
            }
            var shape = geometries.createPolygon(points.toArray(Coordinate[]::new));
            return shape.distance(geometries.createPoint(new Coordinate(0, 0))) <= communeRadius;
        } catch (RuntimeException e) {
            log.debug("CAP polygon not read: {}", polygon);
            return false;
        }
    }

    /** The CAP documents an Atom or RSS feed links to. */
    private List<URI> capLinks(org.w3c.dom.Document document, URI source) {
        try {
            var feed = new SyndFeedInput().build(document);
            var links = new ArrayList<URI>();
            for (SyndEntry entry : feed.getEntries().stream().limit(MAX_ENTRIES).toList()) {
                String href = entry.getLinks().stream()
                        .filter(l -> CapDocuments.MEDIA_TYPE.equals(l.getType())).map(SyndLink::getHref).findFirst()
                        .orElse(entry.getLink());
                if (href == null || href.isBlank()) {
                    continue;
                }
                try {
                    links.add(source.resolve(href.strip()));
                } catch (IllegalArgumentException e) {
                    log.warn("CAP feed {}: link {} skipped", source, href);
                }
            }
            return links;
        } catch (Exception e) {
            log.warn("CAP source {} is neither a CAP document nor a feed: {}", source, e.getMessage());
            return List.of();
        }
    }

    /** The body of a URL, if it answers 200 within the time and size limits. */
    private byte[] fetch(URI uri) throws Unreachable {
        var answer = outgoing.send(Request.get(uri).timeout(BODY_DEADLINE).maxBytes(MAX_BYTES).header("Accept",
                "application/cap+xml, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5"));
        if (answer.status() != 200) {
            throw new Unreachable();
        }
        return answer.body();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
