package org.beffroi.procedures.definition;

import java.util.List;

/** Something that keeps a definition from being published: a message key and what it names. */
public record Problem(String messageKey, List<String> args) {

    public static Problem of(String messageKey, String... args) {
        return new Problem(messageKey, List.of(args));
    }
}
