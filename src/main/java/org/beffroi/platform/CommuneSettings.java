package org.beffroi.platform;

import java.util.UUID;

/**
 * The commune's identity and theme, edited by an administrator and shown on every page; with the legal notice's
 * publication director and host (empty until the administrator gives them).
 */
public record CommuneSettings(String name, String inseeCode, String contactEmail, String contactPhone,
        String postalAddress, String primaryColour, String accentColour, UUID logoFileId, String publicationDirector,
        String hostDetails) {
}
