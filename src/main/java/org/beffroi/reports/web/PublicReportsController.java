package org.beffroi.reports.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Report;
import org.beffroi.reports.internal.ReportFigures;
import org.beffroi.reports.internal.ReportStatus;
import org.beffroi.reports.internal.ReportStore;
import org.beffroi.reports.internal.ReportViews;
import org.beffroi.reports.internal.SewageWatch;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The public reports seen together: on a map (with its GeoJSON, the list's filters, never anyone's contact) and in
 * figures per category and per neighbourhood (a table and its open-data CSV).
 */
@Controller
@RequiredArgsConstructor
class PublicReportsController {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The most reports a map shows: the newest. */
    static final int MAP_LIMIT = 500;
    /** The periods the figures offer, in months back from today. */
    static final List<Integer> PERIODS = List.of(1, 3, 6, 12, 24);

    private final ReportStore store;
    private final ReportViews views;
    private final ReportFigures figures;
    private final Categories categories;
    private final Neighbourhoods neighbourhoods;
    private final SewageWatch sewage;
    private final Environment environment;
    private final Clock clock;

    @GetMapping("/signalements/carte")
    String map(@RequestParam(required = false) String categorie, @RequestParam(required = false) String statut,
            @RequestParam(required = false) String quartier, Model model) {
        var criteria = new ReportController.Criteria(categorie, statut, quartier);
        model.addAttribute("filter", criteria.filter());
        model.addAttribute("query", criteria.query());
        model.addAttribute("lines", views.lines(placed(criteria)));
        model.addAttribute("categories", categories.all());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("sewage", sewage.category().orElse(null));
        model.addAttribute("tilesUrl", environment.getProperty("beffroi.map.tiles-url", ""));
        model.addAttribute("tilesAttribution", environment.getProperty("beffroi.map.attribution", ""));
        return "reports/map";
    }

    /**
     * The public reports with a point that meet the list's filters, as an RFC 7946 FeatureCollection (coordinates:
     * longitude, latitude). No e-mail ever; the reporter's name only when they allowed it.
     */
    @GetMapping("/signalements.geojson")
    ResponseEntity<String> geojson(@RequestParam(required = false) String categorie,
            @RequestParam(required = false) String statut, @RequestParam(required = false) String quartier) {
        var criteria = new ReportController.Criteria(categorie, statut, quartier);
        var features = views.lines(placed(criteria)).stream().map(l -> {
            var r = l.report();
            var properties = new LinkedHashMap<String, Object>();
            properties.put("title", "N° " + r.id() + " — " + l.category());
            properties.put("url", "/signalements/" + r.id());
            properties.put("category", l.category());
            properties.put("status", r.status().name());
            properties.put("statusText", l.status());
            properties.put("neighbourhood", l.neighbourhood());
            properties.put("filedAt", r.createdAt().toString());
            if (r.publicName() != null) {
                properties.put("reporter", r.publicName());
            }
            var feature = new LinkedHashMap<String, Object>();
            feature.put("type", "Feature");
            feature.put("id", r.id());
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(r.longitude(), r.latitude())));
            feature.put("properties", properties);
            return feature;
        }).toList();
        var collection = new LinkedHashMap<String, Object>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(JSON.writeValueAsString(collection));
    }

    @GetMapping("/signalements/chiffres")
    String figures(@RequestParam(required = false) String mois, Model model) {
        int months = months(mois);
        var now = clock.instant();
        var from = since(months, now);
        model.addAttribute("months", months);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("perCategory", figures.perCategory(from, now));
        model.addAttribute("perNeighbourhood", figures.perNeighbourhood(from, now));
        return "reports/figures";
    }

    /**
     * The same figures as open data. Columns: regroupement (categorie or quartier), nom, recus, repares,
     * mediane_jours (days from confirmation to fixed, one decimal; empty when none fixed), part_dans_le_delai_pourcent.
     */
    @GetMapping("/signalements/chiffres.csv")
    void figuresCsv(@RequestParam(required = false) String mois, HttpServletResponse response) throws IOException {
        var now = clock.instant();
        var from = since(months(mois), now);
        try (var csv = CsvExport.open(response, "signalements-chiffres.csv", "regroupement", "nom", "recus",
                "repares", "mediane_jours", "part_dans_le_delai_pourcent")) {
            for (var f : figures.perCategory(from, now)) {
                csv.row("categorie", f.name(), f.received(), f.fixed(), f.medianDays(), f.sharePercent());
            }
            for (var f : figures.perNeighbourhood(from, now)) {
                csv.row("quartier", f.name(), f.received(), f.fixed(), f.medianDays(), f.sharePercent());
            }
        }
    }

    static int months(String text) {
        var number = ReportController.number(text);
        return number != null && PERIODS.contains(number.intValue()) ? number.intValue() : 12;
    }

    private static Instant since(int months, Instant now) {
        return ZonedDateTime.ofInstant(now, CommuneTime.ZONE).minusMonths(months).toInstant();
    }

    private List<Report> placed(ReportController.Criteria criteria) {
        return store.list(criteria.filter(), clock.instant(), MAP_LIMIT, 0).stream()
                .filter(Report::hasPoint).toList();
    }
}
