package org.beffroi.reports.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Reports as pages show them: with their category's and neighbourhood's names and their status in words. */
@Component
@RequiredArgsConstructor
public class ReportViews {

    private final Categories categories;
    private final Neighbourhoods neighbourhoods;
    private final StatusWords words;

    /** A report with the names a page shows next to it. */
    public record Line(Report report, String category, String neighbourhood, String status) {
    }

    public List<Line> lines(List<Report> reports) {
        Map<Long, String> categoryNames = categories.all().stream()
                .collect(Collectors.toMap(Category::id, Category::name));
        Map<Long, String> neighbourhoodNames = neighbourhoods.all().stream()
                .collect(Collectors.toMap(Neighbourhood::id, Neighbourhood::name, (a, b) -> a));
        var locale = LocaleContextHolder.getLocale();
        // a map's 500 reports have a handful of statuses: each put in words once (a message format per report cost)
        var statusTexts = new HashMap<List<Object>, String>();
        return reports.stream().map(r -> new Line(r, categoryNames.get(r.categoryId()),
                r.neighbourhoodId() == null ? null : neighbourhoodNames.get(r.neighbourhoodId()),
                statusTexts.computeIfAbsent(Arrays.asList(r.status(), r.plannedOn(), r.responsibleBody(),
                        r.duplicateOf()), k -> words.describe(r, locale)))).toList();
    }

    public Line line(Report report) {
        return lines(List.of(report)).getFirst();
    }

}
