package org.beffroi.alerts.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;

import org.beffroi.platform.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads CAP 1.2 documents from outside. The parser refuses any DOCTYPE, so no entity, internal or
 * external, is ever expanded (XXE, "billion laughs"), and fetches nothing.
 */
public final class CapReader {

    /** A document that is not a CAP 1.2 message we can read. */
    public static class MalformedCap extends Exception {
        public MalformedCap(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record Message(String identifier, String sender, Instant sent, String status, String msgType, String scope,
            List<Reference> references, List<Info> infos) {
    }

    public record Reference(String sender, String identifier) {
    }

    public record Info(String language, List<String> categories, String event, String severity, Instant effective,
            Instant onset, Instant expires, String senderName, String headline, String description, String instruction,
            String web, List<AreaPart> areas) {
    }

    public record AreaPart(String description, List<String> polygons, List<String> circles, List<Geocode> geocodes) {
    }

    public record Geocode(String valueName, String value) {
    }

    private CapReader() {
    }

    /** Parses bytes into a DOM, refusing DOCTYPEs and external resources. */
    public static Document parse(byte[] bytes) throws MalformedCap {
        try {
            var factory = SafeXml.parsers();
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new MalformedCap("not well-formed XML or refused: " + e.getMessage(), e);
        }
    }

    public static boolean isCap(Document document) {
        Element root = document.getDocumentElement();
        return CapDocuments.NAMESPACE.equals(root.getNamespaceURI()) && "alert".equals(root.getLocalName());
    }

    /** The CAP 1.2 message of a parsed document. */
    public static Message read(Document document) throws MalformedCap {
        if (!isCap(document)) {
            throw new MalformedCap("not a CAP 1.2 alert", null);
        }
        Element alert = document.getDocumentElement();
        var references = new ArrayList<Reference>();
        String refs = text(alert, "references");
        if (refs != null) {
            for (String triple : refs.strip().split("\\s+")) {
                String[] parts = triple.split(",");
                if (parts.length >= 2) {
                    references.add(new Reference(parts[0], parts[1]));
                }
            }
        }
        var infos = new ArrayList<Info>();
        for (Element info : children(alert, "info")) {
            var areas = new ArrayList<AreaPart>();
            for (Element area : children(info, "area")) {
                areas.add(new AreaPart(text(area, "areaDesc"), texts(area, "polygon"), texts(area, "circle"),
                        children(area, "geocode").stream()
                                .map(g -> new Geocode(text(g, "valueName"), text(g, "value"))).toList()));
            }
            infos.add(new Info(text(info, "language"), texts(info, "category"), text(info, "event"),
                    text(info, "severity"), date(text(info, "effective")), date(text(info, "onset")),
                    date(text(info, "expires")), text(info, "senderName"), text(info, "headline"),
                    text(info, "description"), text(info, "instruction"), text(info, "web"), areas));
        }
        var message = new Message(required(alert, "identifier"), required(alert, "sender"),
                date(required(alert, "sent")), required(alert, "status"), required(alert, "msgType"),
                required(alert, "scope"), references, infos);
        if (message.identifier().length() > 255 || message.sender().length() > 255) {
            throw new MalformedCap("identifier or sender too long", null);
        }
        return message;
    }

    private static String required(Element parent, String name) throws MalformedCap {
        String value = text(parent, name);
        if (value == null || value.isBlank()) {
            throw new MalformedCap("missing <" + name + ">", null);
        }
        return value.strip();
    }

    private static Instant date(String value) throws MalformedCap {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedCap("bad date " + value, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        var result = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CapDocuments.NAMESPACE.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Node::getTextContent).map(String::strip).toList();
    }
}
