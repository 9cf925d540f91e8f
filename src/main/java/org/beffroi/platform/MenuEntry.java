package org.beffroi.platform;

/**
 * One link a module adds to the public navigation or to the back office.
 *
 * @param labelKey   message key of the label
 * @param path       the link
 * @param permission who may see it; {@code null} for everyone
 * @param order      position, smallest first
 */
public record MenuEntry(String labelKey, String path, Permission permission, int order) {

    public static MenuEntry open(String labelKey, String path, int order) {
        return new MenuEntry(labelKey, path, null, order);
    }

    public static MenuEntry restricted(String labelKey, String path, Permission permission, int order) {
        return new MenuEntry(labelKey, path, permission, order);
    }
}
