package org.beffroi.platform;

/** Published when an administrator has saved the commune settings. */
public record CommuneSettingsChanged(Long byAccountId) {
}
