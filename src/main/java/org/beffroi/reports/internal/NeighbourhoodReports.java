package org.beffroi.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/** What a neighbourhood's page shows of its reports: the open ones and those fixed in the last 30 days, 5 of each. */
@Component
@RequiredArgsConstructor
public class NeighbourhoodReports {

    static final int SHOWN = 5;
    static final Duration RECENT = Duration.ofDays(30);
    /** The newest reports of the neighbourhood read to find those shown. */
    private static final int READ = 200;

    private final ReportStore store;
    private final ReportViews views;
    private final Clock clock;

    /** The block's content: {@code open} and {@code fixed} (lines), {@code neighbourhood} (the id, for the link). */
    public Map<String, Object> of(long neighbourhoodId) {
        var now = clock.instant();
        var reports = store.list(new ReportStore.Filter(null, null, neighbourhoodId, null, false, false, null), now, READ, 0);
        var open = reports.stream().filter(r -> r.status().open()).limit(SHOWN).toList();
        var fixed = reports.stream()
                .filter(r -> r.status() == ReportStatus.FIXED && r.statusAt().isAfter(now.minus(RECENT)))
                .limit(SHOWN).toList();
        return Map.of("open", views.lines(open), "fixed", views.lines(fixed), "neighbourhood", neighbourhoodId);
    }
}
