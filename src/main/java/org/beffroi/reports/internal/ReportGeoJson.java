package org.beffroi.reports.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reports placed by a point that meet a filter, as an RFC 7946 FeatureCollection (coordinates: longitude,
 * latitude), inside the map's view when {@code bbox} (west,south,east,north) is given; the {@value #MAP_LIMIT}
 * newest. Each feature links to the report's page on the public site or in the back office. No e-mail ever; the
 * reporter's name only when they allowed it. An unreadable {@code bbox} answers 400 with the expected form.
 */
@Component
@RequiredArgsConstructor
public class ReportGeoJson {

    public static final int MAP_LIMIT = 500;
    public static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DEGREES = Pattern.compile("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");

    private final ReportStore store;
    private final ReportViews views;
    private final MessageSource messages;
    private final Clock clock;

    /** The reports the map of this filter shows at first, before it is moved: the newest, anywhere. */
    public List<ReportViews.Line> mapped(ReportStore.Filter filter) {
        return views.lines(store.placed(filter, null, clock.instant(), MAP_LIMIT));
    }

    /** Writes the collection; {@code pages} is the path each report's page is under (« /signalements/ »). */
    public void write(ReportStore.Filter filter, String bbox, String pages, HttpServletResponse response)
            throws IOException {
        ReportStore.Box box;
        try {
            box = box(bbox);
        } catch (IllegalArgumentException e) {
            var error = messages.getMessage("reports.map.bbox.invalid", null, LocaleContextHolder.getLocale());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), Map.of("error", error));
            return;
        }
        var lines = views.lines(store.placed(filter, box, clock.instant(), MAP_LIMIT));
        response.setContentType(GEO_JSON.toString());
        // written as it goes: a view of 500 reports is 150 kB, with no tree of maps built first
        try (var json = JSON.createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeArrayPropertyStart("features");
            for (var line : lines) {
                var r = line.report();
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                json.writeNumberProperty("id", r.id());
                json.writeObjectPropertyStart("geometry");
                json.writeStringProperty("type", "Point");
                json.writeArrayPropertyStart("coordinates");
                json.writeNumber(r.longitude());
                json.writeNumber(r.latitude());
                json.writeEndArray();
                json.writeEndObject();
                json.writeObjectPropertyStart("properties");
                json.writeStringProperty("title", "N° " + r.id() + " — " + line.category());
                json.writeStringProperty("url", pages + r.id());
                json.writeStringProperty("category", line.category());
                json.writeStringProperty("status", r.status().name());
                json.writeStringProperty("statusText", line.status());
                json.writeStringProperty("neighbourhood", line.neighbourhood());
                json.writeStringProperty("filedAt", r.createdAt().toString());
                if (r.publicName() != null) {
                    json.writeStringProperty("reporter", r.publicName());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** « west,south,east,north » in decimal degrees, or null for none; anything else is refused. */
    static ReportStore.Box box(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("four numbers expected");
        }
        var degrees = new double[4];
        for (int i = 0; i < 4; i++) {
            var part = parts[i].strip();
            if (!DEGREES.matcher(part).matches()) {
                throw new IllegalArgumentException("not a number: " + part);
            }
            degrees[i] = Double.parseDouble(part);
        }
        var box = new ReportStore.Box(degrees[0], degrees[1], degrees[2], degrees[3]);
        if (box.west() < -180 || box.east() > 180 || box.south() < -90 || box.north() > 90
                || box.west() > box.east() || box.south() > box.north()) {
            throw new IllegalArgumentException("not a box on the globe");
        }
        return box;
    }
}
