package org.beffroi.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * The register of vulnerable people, as other code may drive it: a heatwave or crisis alert opens a crisis,
 * during which the agents call everyone registered. At most one crisis is open at a time.
 */
public interface VulnerableRegister {

    /** Opens a crisis, or answers the one already open (whatever its kind) so that the call list stays one. */
    Crisis openCrisis(CrisisKind kind, String title, Instant startedAt);

    /** Closes the crisis; its follow-ups stay readable. Nothing happens if it is already closed. */
    void closeCrisis(long crisisId);

    /** The crisis open now, if any. */
    Optional<Crisis> currentCrisis();
}
