package org.beffroi.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction has committed (never if it rolls back), or at once outside a
 * transaction. The modules' listeners use it in place of {@code @TransactionalEventListener}: Spring Modulith records
 * a publication for each of those listeners and marks it, after the commit, in a transaction of its own while the
 * committing one still holds its connection; as many transactions committing at once as the pool has connections
 * then waited for each other until the pool's timeout ({@code CommitsAtOnceTest}).
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
