package org.beffroi.platform;

import java.time.Instant;
import java.util.List;

/**
 * The append-only security log: who did what, when, from where. Every module writes to it;
 * nothing is ever updated except the anonymisation of an erased account.
 */
public interface AuditLog {

    /** Records an action of the current person (or of nobody, for anonymous actions), from the current request. */
    void record(String action, String target, String details);

    /** Records an action attributed to a given account (a login, before the security context exists). */
    void recordFor(Long accountId, String actorLabel, String action, String target, String details);

    List<Entry> search(Filter filter, int page, int size);

    long count(Filter filter);

    /** Everything a person did, for their data export. */
    List<Entry> entriesOf(long accountId);

    /** Keeps the trail of an erased account but removes what identifies the person. */
    void anonymiseActor(long accountId);

    record Entry(long id, Instant occurredAt, Long actorAccountId, String actorLabel, String action, String target,
            String ip, String details) {
    }

    /** Every criterion is optional. */
    record Filter(String action, String actor, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }
}
