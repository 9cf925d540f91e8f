package org.beffroi.platform;

import java.time.Instant;

/**
 * The append-only security log: who did what, when, from where. Every module writes to it;
 * nothing is ever updated except the anonymisation of an erased account.
 * <p>
 * An entry of something done joins the caller's transaction: it commits or rolls back with the change it records.
 * An entry of something refused (today: a failed sign-in) is written in a transaction of its own, so that it
 * outlives a caller that rolls back.
 */
public interface AuditLog extends AuditTrail {

    /** Records an action of the current person (or of nobody, for anonymous actions), from the current request. */
    void record(String action, String target, String details);

    /** Records an action attributed to a given account (a sign-in, before the security context exists). */
    void recordFor(Long accountId, String actorLabel, String action, String target, String details);

    /** Records a refusal to the current person (or to nobody); kept even when the caller rolls back. */
    void recordRefusal(String action, String target, String details);

    /** Records a refusal attributed to a given account (a failed sign-in); kept even when the caller rolls back. */
    void recordRefusalFor(Long accountId, String actorLabel, String action, String target, String details);

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
