package org.beffroi.platform;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The commune's identity and theme, edited by an administrator and shown on every page; with the legal notice's
 * publication director and host (empty until the administrator gives them), and the accessibility audit the
 * statement reports (none until the administrator records one).
 */
public record CommuneSettings(String name, String inseeCode, String contactEmail, String contactPhone,
        String postalAddress, String primaryColour, String accentColour, UUID logoFileId, String publicationDirector,
        String hostDetails, LocalDate accessibilityAuditDate, Integer accessibilityAuditRate) {

    /** The status the accessibility statement declares (RGAA 4.1). */
    public enum Conformity {
        /** No audit, or one that found less than half of the criteria met. */
        NONE,
        /** An audit found at least half of the criteria met. */
        PARTIAL,
        /** An audit found every criterion met. */
        TOTAL
    }

    public boolean audited() {
        return accessibilityAuditDate != null && accessibilityAuditRate != null;
    }

    public Conformity accessibility() {
        if (!audited() || accessibilityAuditRate < 50) {
            return Conformity.NONE;
        }
        return accessibilityAuditRate == 100 ? Conformity.TOTAL : Conformity.PARTIAL;
    }
}
