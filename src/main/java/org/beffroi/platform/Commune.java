package org.beffroi.platform;

/** Reads and changes the commune's settings. Reads are cached for a few seconds, so several nodes converge. */
public interface Commune {

    /** The name a fresh installation starts with, until an administrator sets the real one. */
    String PLACEHOLDER_NAME = "Commune";

    CommuneSettings settings();

    void update(CommuneSettings settings);
}
