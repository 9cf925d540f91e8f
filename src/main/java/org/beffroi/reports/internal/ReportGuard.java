package org.beffroi.reports.internal;

import org.springframework.stereotype.Component;

/**
 * Whether a person's support of a report is held by the unique key {@code reports_follower_once} (report, person).
 * Always on; the negative control of the concurrent test alone switches it off, to show that without the key the same
 * person follows a report twice.
 */
@Component
public class ReportGuard {

    public volatile boolean supportOnce = true;

    /** Whether a beach's sewage draft alert is held once a day by {@code reports_beach_draft_once}. */
    public volatile boolean beachDraftOnce = true;

    /**
     * Whether a report merges into another once: its status is set to « duplicate » only where it is not yet, in one
     * statement.
     */
    public volatile boolean mergeOnce = true;
}
