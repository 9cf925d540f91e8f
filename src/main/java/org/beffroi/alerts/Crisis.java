package org.beffroi.alerts;

import java.time.Instant;

/** A crisis during which the register's people are called; {@code closedAt} is null while it is open. */
public record Crisis(long id, CrisisKind kind, String title, Instant startedAt, Instant closedAt) {

    public boolean open() {
        return closedAt == null;
    }
}
