package org.beffroi.platform;

/** The roles a person can hold. Permissions, declared by each module, are granted to roles. */
public enum Role {
    RESIDENT, AGENT, ELECTED, ORGANISATION_MANAGER, MODERATOR, ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Staff roles reach the back office and get a short idle timeout. */
    public boolean isStaff() {
        return this != RESIDENT;
    }
}
