package org.beffroi.platform.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the back office does with the security log that is itself recorded there: exporting it. */
@Service
@RequiredArgsConstructor
public class AuditLogDesk {

    private final AuditLog audit;

    /** Recorded before the rows leave, so that an export cut short is still known. */
    @Transactional
    public void exportStarted() {
        audit.record("audit.exported", "audit-log", null);
    }
}
