package org.beffroi.platform;

/** Reads and changes the commune's settings. Reads are cached for a few seconds, so several nodes converge. */
public interface Commune {

    /** The name a fresh installation starts with, until an administrator sets the real one. */
    String PLACEHOLDER_NAME = "Commune";
    String PLACEHOLDER_INSEE_CODE = "00000";
    String PLACEHOLDER_EMAIL = "mairie@example.org";

    CommuneSettings settings();

    void update(CommuneSettings settings);

    /** False on a fresh installation until the administrator opens the public site ("site en préparation"). */
    boolean isOpen();

    /** Opens the public site; opening it again changes nothing. */
    void open();
}
