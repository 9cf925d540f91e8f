package org.beffroi.reports.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.ReportFigures;
import org.beffroi.reports.internal.ReportGeoJson;
import org.beffroi.reports.internal.ReportStatus;
import org.beffroi.reports.internal.SewageWatch;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/**
 * The public reports seen together: on a map (with its GeoJSON, the list's filters, never anyone's contact) and in
 * figures per category and per neighbourhood (a table and its open-data CSV).
 */
@Controller
@RequiredArgsConstructor
class PublicReportsController {

    /** The periods the figures offer, in months back from today. */
    static final List<Integer> PERIODS = List.of(1, 3, 6, 12, 24);

    private final ReportGeoJson geoJson;
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
        model.addAttribute("lines", geoJson.mapped(criteria.filter()));
        model.addAttribute("categories", categories.all());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("sewage", sewage.category().orElse(null));
        model.addAttribute("tilesUrl", environment.getProperty("beffroi.map.tiles-url", ""));
        model.addAttribute("tilesAttribution", environment.getProperty("beffroi.map.attribution", ""));
        return "reports/map";
    }

    /** The public reports of the map, as GeoJSON ({@link ReportGeoJson}): the list's filters and the view's box. */
    @GetMapping("/signalements.geojson")
    void geojson(@RequestParam(required = false) String categorie, @RequestParam(required = false) String statut,
            @RequestParam(required = false) String quartier, @RequestParam(required = false) String bbox,
            HttpServletResponse response) throws IOException {
        geoJson.write(new ReportController.Criteria(categorie, statut, quartier).filter(), bbox, "/signalements/",
                response);
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


}
