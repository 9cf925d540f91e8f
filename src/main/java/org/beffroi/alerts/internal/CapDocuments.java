package org.beffroi.alerts.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.Severity;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.PublicAddress;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published alerts as OASIS Common Alerting Protocol 1.2 documents: one per message (the first, each
 * update, and the cancel that the end of an alert makes), written with StAX.
 */
@Component
@RequiredArgsConstructor
public class CapDocuments {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    /** CAP dates: seconds and a numeric offset, never "Z". */
    static final DateTimeFormatter CAP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private final AlertDesk desk;
    private final Topics topics;
    private final Neighbourhoods neighbourhoods;
    private final Geography geography;
    private final Commune commune;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final PublicAddress publicAddress;
    @Value("${beffroi.alerts.commune.latitude}")
    private final double communeLatitude;
    @Value("${beffroi.alerts.commune.longitude}")
    private final double communeLongitude;
    @Value("${beffroi.alerts.commune.radius-metres}")
    private final double communeRadius;

    /** One CAP message of an alert: its first message, an update, or the cancel made by its end. */
    public record CapMessage(Alert alert, Long messageId, String msgType, String title, String body, Instant sent) {

        /** The path of this message's document on the site. */
        public String path() {
            return messageId == null ? "/alertes/" + alert.id() + "/fin.cap"
                    : "/alertes/" + alert.id() + "/messages/" + messageId + ".cap";
        }
    }

    /** The messages of a published alert, oldest first; empty for drafts and unknown ids. */
    public List<CapMessage> messagesOf(long alertId) {
        Optional<Alert> found = desk.find(alertId).filter(a -> a.publishedAt() != null);
        if (found.isEmpty()) {
            return List.of();
        }
        Alert alert = found.get();
        var list = new ArrayList<CapMessage>(jdbc.sql("""
                select id, kind, title, body, created_at from alerts_message where alert_id = ? order by id""")
                .param(alertId)
                .query((rs, n) -> {
                    boolean first = "INITIAL".equals(rs.getString("kind"));
                    Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
                    return new CapMessage(alert, rs.getLong("id"), first ? "Alert" : "Update", rs.getString("title"),
                            rs.getString("body"), first ? alert.publishedAt() : later(created, alert.publishedAt()));
                }).list());
        if (alert.endedAt() != null) {
            list.add(new CapMessage(alert, null, "Cancel", alert.title(), alert.body(),
                    later(alert.endedAt(), alert.publishedAt())));
        }
        return list;
    }

    /** The latest message of each of the latest published alerts, and every earlier one: the feed's entries. */
    public List<CapMessage> recent(int alerts) {
        return desk.published(alerts).stream().flatMap(a -> messagesOf(a.id()).stream())
                .sorted(Comparator.comparing(CapMessage::sent).reversed()).toList();
    }

    /** The document of the alert as it stands: its latest message. */
    public Optional<String> current(long alertId) {
        var all = messagesOf(alertId);
        return all.isEmpty() ? Optional.empty() : Optional.of(write(all.getLast(), all));
    }

    /** The document of one message of the alert (null: the cancel). */
    public Optional<String> message(long alertId, Long messageId) {
        var all = messagesOf(alertId);
        return all.stream().filter(m -> java.util.Objects.equals(m.messageId(), messageId)).findFirst()
                .map(m -> write(m, all));
    }

    public String sender() {
        String host = publicAddress.host();
        return host == null ? "beffroi.localhost" : host;
    }

    /** Stable and unique across installations: the site's host, the alert and the message. */
    public String identifier(CapMessage message) {
        return sender() + "-alerte-" + message.alert().id() + "-"
                + (message.messageId() == null ? "fin" : message.messageId().toString());
    }

    public String url(CapMessage message) {
        return publicAddress.of(message.path());
    }

    private String write(CapMessage message, List<CapMessage> all) {
        Alert alert = message.alert();
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "identifier", identifier(message));
            element(xml, "sender", sender());
            element(xml, "sent", date(message.sent()));
            element(xml, "status", "Actual");
            element(xml, "msgType", message.msgType());
            element(xml, "scope", "Public");
            var earlier = all.stream().takeWhile(m -> m != message)
                    .map(m -> sender() + "," + identifier(m) + "," + date(m.sent())).collect(Collectors.joining(" "));
            if (!earlier.isEmpty()) {
                element(xml, "references", earlier);
            }
            xml.writeStartElement("info");
            element(xml, "language", "fr-FR");
            var topic = topics.find(alert.topicId());
            element(xml, "category", category(topic.map(Topic::code).orElse("")));
            element(xml, "event", topic.map(t -> t.nameFr()).orElse(message.title()));
            element(xml, "urgency", urgency(alert.severity()));
            element(xml, "severity", severity(alert.severity()));
            element(xml, "certainty", certainty(alert.severity()));
            element(xml, "effective", date(alert.startsAt()));
            element(xml, "expires", date(alert.endsAt()));
            element(xml, "senderName", commune.settings().name());
            element(xml, "headline", message.title());
            element(xml, "description", message.body());
            element(xml, "web", publicAddress.of("/alertes/" + alert.id()));
            area(xml, alert.area());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the CAP document of alert " + alert.id() + " could not be written", e);
        }
        return out.toString();
    }

    private void area(XMLStreamWriter xml, Area area) throws XMLStreamException {
        xml.writeStartElement("area");
        switch (area.kind()) {
            case COMMUNE -> {
                element(xml, "areaDesc", commune.settings().name());
                element(xml, "circle", circle(communeLatitude, communeLongitude, communeRadius));
            }
            case NEIGHBOURHOODS -> {
                var chosen = area.neighbourhoodIds().stream().sorted().map(neighbourhoods::find)
                        .flatMap(Optional::stream).toList();
                element(xml, "areaDesc", chosen.isEmpty() ? commune.settings().name()
                        : chosen.stream().map(Neighbourhood::name).collect(Collectors.joining(", ")));
                for (String polygon : chosen.stream().flatMap(n -> polygons(n).stream()).toList()) {
                    element(xml, "polygon", polygon);
                }
            }
            case POINT -> {
                element(xml, "areaDesc", messages.getMessage("alerts.area.point.described",
                        new Object[] {area.radiusMetres(), area.latitude(), area.longitude()}, Locale.FRENCH));
                element(xml, "circle", circle(area.latitude(), area.longitude(), area.radiusMetres()));
            }
        }
        String insee = commune.settings().inseeCode();
        if (insee != null && !insee.isBlank()) {
            xml.writeStartElement("geocode");
            element(xml, "valueName", "INSEE");
            element(xml, "value", insee.strip());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The outer rings of a neighbourhood's outline as CAP polygons ("lat,lon" pairs, closed). */
    private List<String> polygons(Neighbourhood neighbourhood) {
        var geometry = geography.outline(neighbourhood);
        if (geometry.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<String>();
        for (int i = 0; i < geometry.get().getNumGeometries(); i++) {
            if (geometry.get().getGeometryN(i) instanceof Polygon polygon) {
                Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
                if (ring.length >= 4) {
                    result.add(java.util.Arrays.stream(ring).map(c -> number(c.y) + "," + number(c.x))
                            .collect(Collectors.joining(" ")));
                }
            }
        }
        return result;
    }

    private static String circle(double latitude, double longitude, double radiusMetres) {
        return number(latitude) + "," + number(longitude) + " " + number(radiusMetres / 1000.0);
    }

    private static String number(double value) {
        return new java.math.BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String date(Instant instant) {
        return CAP_DATE.format(instant.atZone(CommuneTime.ZONE));
    }

    /** Our topics (by their code) as CAP categories. */
    static String category(String topicCode) {
        return switch (topicCode) {
            case "weather" -> "Met";
            case "roads" -> "Transport";
            case "utilities" -> "Infra";
            case "security" -> "Security";
            case "health" -> "Health";
            default -> "Other";
        };
    }

    static String urgency(Severity severity) {
        return switch (severity) {
            case INFORMATION -> "Future";
            case WARNING -> "Expected";
            case DANGER -> "Immediate";
        };
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case INFORMATION -> "Minor";
            case WARNING -> "Moderate";
            case DANGER -> "Severe";
        };
    }

    static String certainty(Severity severity) {
        return severity == Severity.INFORMATION ? "Possible" : "Likely";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry are dropped; the writer escapes the rest ("<", "&"). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        var sb = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
