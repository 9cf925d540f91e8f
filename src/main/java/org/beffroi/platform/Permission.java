package org.beffroi.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Something a person may do, declared by the module that owns it and granted to roles. Each is checked through an
 * annotation declared next to it, whose {@code @PreAuthorize} is built from the same constant as the permission
 * (ADR 0037), for example:
 *
 * <pre>{@code
 * public static final Permission MANAGE_EVENTS = Permission.of(ManageEvents.AUTHORITY, AGENT, ADMINISTRATOR);
 *
 * @Target({ElementType.TYPE, ElementType.METHOD})
 * @Retention(RetentionPolicy.RUNTIME)
 * @PreAuthorize("hasAuthority('" + ManageEvents.AUTHORITY + "')")
 * public @interface ManageEvents {
 *     String AUTHORITY = "agenda:events";
 * }
 * }</pre>
 */
public record Permission(String module, String name, Set<Role> grantedTo) {

    public Permission {
        grantedTo = Set.copyOf(grantedTo);
    }

    public static Permission of(String module, String name, Role first, Role... others) {
        return new Permission(module, name, EnumSet.of(first, others));
    }

    /** From its authority, {@code module:name}: the constant its checking annotation is built from too. */
    public static Permission of(String authority, Role first, Role... others) {
        int colon = authority.indexOf(':');
        if (colon <= 0 || colon == authority.length() - 1) {
            throw new IllegalArgumentException("a permission's authority is module:name, not " + authority);
        }
        return of(authority.substring(0, colon), authority.substring(colon + 1), first, others);
    }

    public String authority() {
        return module + ":" + name;
    }

    public String messageKey() {
        return "permission." + module + "." + name;
    }
}
