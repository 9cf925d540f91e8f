package org.beffroi.reports.open311;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of the GeoReport v2 interface, written in JSON or in XML as the specification shows them: a list is a
 * JSON array and, in XML, an element of its own holding one element per item ({@code services/service},
 * {@code service_requests/request}, {@code errors/error}); an object is a JSON object and an XML element per field.
 */
record GeoReport(String root, Object body) {

    /** A list, and the name of each item's element in XML. */
    record Items(String element, List<?> items) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static GeoReport list(String root, String element, List<?> items) {
        return new GeoReport(root, new Items(element, items));
    }

    /** The specification's errors: a list of {code, description}, with the same HTTP status. */
    static GeoReport errors(HttpStatus status, List<String> descriptions) {
        return list("errors", "error", descriptions.stream().map(d -> fields("code", status.value(), "description", d))
                .toList());
    }

    /** An ordered object from name, value pairs. */
    static Map<String, Object> fields(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    ResponseEntity<String> answer(HttpStatus status, String format) {
        boolean xml = "xml".equals(format);
        return ResponseEntity.status(status)
                .contentType(xml ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
                .body(xml ? xml() : JSON.writeValueAsString(json(body)));
    }

    private static Object json(Object value) {
        return value instanceof Items items ? items.items().stream().map(GeoReport::json).toList() : value instanceof Map<?, ?> map ? jsonMap(map) : value;
    }

    private static Map<Object, Object> jsonMap(Map<?, ?> map) {
        var copy = new LinkedHashMap<Object, Object>();
        map.forEach((k, v) -> copy.put(k, json(v)));
        return copy;
    }

    private String xml() {
        try {
            var out = new StringWriter();
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            write(writer, root, body);
            writer.writeEndDocument();
            writer.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value instanceof Items items) {
            for (var item : items.items()) {
                write(writer, items.element(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                write(writer, (String) entry.getKey(), entry.getValue());
            }
        } else if (value != null) {
            writer.writeCharacters(value.toString());
        }
        writer.writeEndElement();
    }
}
