package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.beffroi.platform.AuditLog;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An audit entry commits or rolls back with the change it records; the entry of a refusal outlives its caller. */
@BeffroiTest
class AuditLogTransactionTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theRefusalOfACallerThatRollsBackIsKept() {
        String target = "test:" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            audit.recordRefusal("login.refused", target, null);
            status.setRollbackOnly();
        });
        assertThat(entries(target)).isEqualTo(1);
    }

    @Test
    void anEntryRollsBackWithTheChangeItRecords() {
        String target = "test:" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            audit.recordFor(null, "someone", "thing.changed", target, null);
            status.setRollbackOnly();
        });
        assertThat(entries(target)).isZero();
    }

    private long entries(String target) {
        return audit.search(new AuditLog.Filter(null, null, null, null), 0, 50).stream()
                .filter(e -> target.equals(e.target())).count();
    }
}
