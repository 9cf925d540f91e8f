package org.beffroi.reports.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.springframework.stereotype.Component;

/** What the home page and a person's account show of reports. */
@Component
@RequiredArgsConstructor
public class ReportBlocks {

    static final int LAST_FIXED = 3;

    private final ReportStore store;
    private final ReportViews views;
    private final Clock clock;

    /** A report of the person's, as their account lists it: whether they filed it or follow it. */
    public record Mine(ReportViews.Line line, boolean filed) {
    }

    /**
     * The home block's content: {@code open} (how many public reports are open), {@code fixed} (how many were fixed
     * in the last 30 days) and {@code lastFixed} (the last ones fixed, as lines).
     */
    public Map<String, Object> home() {
        return Map.of("open", store.countOpen(),
                "fixed", store.countFixedSince(clock.instant().minus(NeighbourhoodReports.RECENT)),
                "lastFixed", views.lines(store.lastFixed(LAST_FIXED)));
    }

    /** The account block's content: {@code reports}, those the person filed or follows, newest first. */
    public Map<String, Object> account(DataSubject subject) {
        var followed = store.followedBy(subject.accountId(), subject.verifiedEmail());
        var lines = views.lines(followed.stream().map(ReportStore.Followed::report).toList());
        List<Mine> mine = new ArrayList<>();
        for (int i = 0; i < followed.size(); i++) {
            mine.add(new Mine(lines.get(i), followed.get(i).filed()));
        }
        return Map.of("reports", mine);
    }
}
