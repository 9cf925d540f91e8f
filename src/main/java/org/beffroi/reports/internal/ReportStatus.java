package org.beffroi.reports.internal;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands. The first four are open: a resident may still support it, and it counts as late. */
public enum ReportStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, PLANNED, FIXED, NOT_OURS, DUPLICATE;

    public static final Set<ReportStatus> OPEN = EnumSet.of(NEW, ACKNOWLEDGED, IN_PROGRESS, PLANNED);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The message key of its name. */
    public String key() {
        return "reports.status." + name();
    }
}
