package org.beffroi.procedures.definition;

import java.util.List;

/** What a file field accepts: content types detected from the bytes, and a size in megabytes. */
public record FileRules(List<String> types, int maxMegabytes) {

    public static final List<String> DOCUMENTS = List.of("application/pdf", "image/jpeg", "image/png");

    public FileRules {
        types = types == null || types.isEmpty() ? DOCUMENTS : List.copyOf(types);
        maxMegabytes = maxMegabytes <= 0 ? 10 : maxMegabytes;
    }
}
