package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rules of OASIS CAP 1.2 (the standard's XML schema and its data dictionary), checked on a parsed
 * document: no artifact on Maven Central ships the CAP 1.2 schema, so the elements, their order and
 * cardinality, the enumerations and the formats of the schema and of the standard's text are written here.
 */
final class CapRules {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP dateTime: seconds, and an offset; "Z" is not allowed (section 3.3.2). */
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
    private static final Pattern NO_SPACE_COMMA = Pattern.compile("[^\\s,<&]+");
    private static final Pattern POINT = Pattern.compile("(-?\\d+(\\.\\d+)?),(-?\\d+(\\.\\d+)?)");

    private record Slot(String name, int min, int max) {
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final List<Slot> ALERT = List.of(new Slot("identifier", 1, 1), new Slot("sender", 1, 1),
            new Slot("sent", 1, 1), new Slot("status", 1, 1), new Slot("msgType", 1, 1), new Slot("source", 0, 1),
            new Slot("scope", 1, 1), new Slot("restriction", 0, 1), new Slot("addresses", 0, 1),
            new Slot("code", 0, MANY), new Slot("note", 0, 1), new Slot("references", 0, 1),
            new Slot("incidents", 0, 1), new Slot("info", 0, MANY));
    private static final List<Slot> INFO = List.of(new Slot("language", 0, 1), new Slot("category", 1, MANY),
            new Slot("event", 1, 1), new Slot("responseType", 0, MANY), new Slot("urgency", 1, 1),
            new Slot("severity", 1, 1), new Slot("certainty", 1, 1), new Slot("audience", 0, 1),
            new Slot("eventCode", 0, MANY), new Slot("effective", 0, 1), new Slot("onset", 0, 1),
            new Slot("expires", 0, 1), new Slot("senderName", 0, 1), new Slot("headline", 0, 1),
            new Slot("description", 0, 1), new Slot("instruction", 0, 1), new Slot("web", 0, 1),
            new Slot("contact", 0, 1), new Slot("parameter", 0, MANY), new Slot("resource", 0, MANY),
            new Slot("area", 0, MANY));
    private static final List<Slot> AREA = List.of(new Slot("areaDesc", 1, 1), new Slot("polygon", 0, MANY),
            new Slot("circle", 0, MANY), new Slot("geocode", 0, MANY), new Slot("altitude", 0, 1),
            new Slot("ceiling", 0, 1));
    private static final List<Slot> GEOCODE = List.of(new Slot("valueName", 1, 1), new Slot("value", 1, 1));

    private CapRules() {
    }

    /** Parses with a namespace-aware DOM parser that refuses DOCTYPEs. */
    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every rule; returns the root for further checks. */
    static Element check(Document document) {
        Element alert = document.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo(NS);
        assertThat(alert.getLocalName()).isEqualTo("alert");
        sequence(alert, ALERT);
        assertThat(text(alert, "identifier")).matches(NO_SPACE_COMMA);
        assertThat(text(alert, "sender")).matches(NO_SPACE_COMMA);
        assertThat(text(alert, "sent")).matches(DATE);
        assertThat(text(alert, "status")).isIn("Actual", "Exercise", "System", "Test", "Draft");
        assertThat(text(alert, "msgType")).isIn("Alert", "Update", "Cancel", "Ack", "Error");
        assertThat(text(alert, "scope")).isIn("Public", "Restricted", "Private");
        String references = text(alert, "references");
        if (references != null) {
            for (String triple : references.split(" ")) {
                String[] parts = triple.split(",");
                assertThat(parts).as("reference %s", triple).hasSize(3);
                assertThat(parts[0]).matches(NO_SPACE_COMMA);
                assertThat(parts[1]).matches(NO_SPACE_COMMA);
                assertThat(parts[2]).matches(DATE);
            }
        }
        for (Element info : children(alert, "info")) {
            sequence(info, INFO);
            for (Element category : children(info, "category")) {
                assertThat(category.getTextContent()).isIn("Geo", "Met", "Safety", "Security", "Rescue", "Fire",
                        "Health", "Env", "Transport", "Infra", "CBRNE", "Other");
            }
            for (Element response : children(info, "responseType")) {
                assertThat(response.getTextContent()).isIn("Shelter", "Evacuate", "Prepare", "Execute", "Avoid",
                        "Monitor", "Assess", "AllClear", "None");
            }
            assertThat(text(info, "urgency")).isIn("Immediate", "Expected", "Future", "Past", "Unknown");
            assertThat(text(info, "severity")).isIn("Extreme", "Severe", "Moderate", "Minor", "Unknown");
            assertThat(text(info, "certainty")).isIn("Observed", "Likely", "Possible", "Unlikely", "Unknown");
            for (String date : new String[] {"effective", "onset", "expires"}) {
                if (text(info, date) != null) {
                    assertThat(text(info, date)).matches(DATE);
                }
            }
            if (text(info, "web") != null) {
                assertThat(text(info, "web")).matches("https?://\\S+");
            }
            for (Element area : children(info, "area")) {
                sequence(area, AREA);
                for (Element polygon : children(area, "polygon")) {
                    String[] points = polygon.getTextContent().split(" ");
                    assertThat(points.length).as("polygon points").isGreaterThanOrEqualTo(4);
                    assertThat(points[0]).as("closed polygon").isEqualTo(points[points.length - 1]);
                    for (String point : points) {
                        latLon(point);
                    }
                }
                for (Element circle : children(area, "circle")) {
                    String[] parts = circle.getTextContent().split(" ");
                    assertThat(parts).hasSize(2);
                    latLon(parts[0]);
                    assertThat(Double.parseDouble(parts[1])).isGreaterThanOrEqualTo(0);
                }
                for (Element geocode : children(area, "geocode")) {
                    sequence(geocode, GEOCODE);
                }
            }
        }
        return alert;
    }

    private static void latLon(String point) {
        var m = POINT.matcher(point);
        assertThat(m.matches()).as("point %s", point).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(-90.0, 90.0);
        assertThat(Double.parseDouble(m.group(3))).isBetween(-180.0, 180.0);
    }

    /** The child elements, all in the CAP namespace, in the schema's order and numbers; no mixed text. */
    private static void sequence(Element parent, List<Slot> slots) {
        var names = new ArrayList<String>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertThat(e.getNamespaceURI()).isEqualTo(NS);
                names.add(e.getLocalName());
            } else if (n.getNodeType() == Node.TEXT_NODE) {
                assertThat(n.getTextContent().isBlank()).as("text inside <%s>", parent.getLocalName()).isTrue();
            }
        }
        int i = 0;
        for (Slot slot : slots) {
            int count = 0;
            while (i < names.size() && names.get(i).equals(slot.name())) {
                count++;
                i++;
            }
            assertThat(count).as("<%s> in <%s>", slot.name(), parent.getLocalName()).isBetween(slot.min(), slot.max());
        }
        assertThat(i).as("elements of <%s> out of order or unknown: %s", parent.getLocalName(), names)
                .isEqualTo(names.size());
        Set<String> known = new java.util.HashSet<>(slots.stream().map(Slot::name).toList());
        assertThat(known).containsAll(names);
    }

    static List<Element> children(Element parent, String name) {
        var result = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static String text(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }
}
