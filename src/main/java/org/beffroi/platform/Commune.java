package org.beffroi.platform;

/** Reads and changes the commune's settings. Reads are cached for a few seconds, so several nodes converge. */
public interface Commune {

    /** The name a fresh installation starts with, until an administrator sets the real one. */
    String PLACEHOLDER_NAME = "Commune";
    String PLACEHOLDER_INSEE_CODE = "00000";
    String PLACEHOLDER_EMAIL = "mairie@example.org";

    CommuneSettings settings();

    void update(CommuneSettings settings);

    /** The most streets a commune lists, and the longest name of one. */
    int MOST_STREETS = 5_000;
    int LONGEST_STREET = 150;

    /**
     * The commune's streets and places (« rue des Tilleuls », « place de la Halle »), in the administrator's order,
     * for forms to suggest; empty until the administrator lists them.
     */
    java.util.List<String> streets();

    /** The settings and the streets, changed together (the settings page's one write). */
    void update(CommuneSettings settings, java.util.List<String> streets);

    /** False on a fresh installation until the administrator opens the public site ("site en préparation"). */
    boolean isOpen();

    /** Opens the public site; opening it again changes nothing. */
    void open();
}
