package org.beffroi.platform;

/** Who may read a streamed file at {@code /fichiers/{id}}. */
public enum FileVisibility {

    /** Served to anyone at {@code /fichiers/{id}}, as the platform's other files. */
    PUBLIC,
    /**
     * Never served at {@code /fichiers/{id}} (it answers 404): the module that owns the file streams it, through
     * {@link FileStorage#openStreamed}, to whom it decides.
     */
    PRIVATE
}
