package org.beffroi.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Something a person may do, declared by the module that owns it and granted to roles.
 * Checked with {@code @PreAuthorize("hasAuthority('module:name')")}.
 */
public record Permission(String module, String name, Set<Role> grantedTo) {

    public Permission {
        grantedTo = Set.copyOf(grantedTo);
    }

    public static Permission of(String module, String name, Role first, Role... others) {
        return new Permission(module, name, EnumSet.of(first, others));
    }

    public String authority() {
        return module + ":" + name;
    }

    public String messageKey() {
        return "permission." + module + "." + name;
    }
}
