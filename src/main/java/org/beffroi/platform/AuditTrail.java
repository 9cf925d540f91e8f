package org.beffroi.platform;

import java.util.List;

import org.beffroi.platform.AuditLog.Entry;
import org.beffroi.platform.AuditLog.Filter;

/** The security log as read: what a back-office screen or an export may hold without being able to write to it. */
public interface AuditTrail {

    List<Entry> search(Filter filter, int page, int size);

    long count(Filter filter);

    /** Everything a person did, for their data export. */
    List<Entry> entriesOf(long accountId);
}
