package org.beffroi.reports.contact.internal;

/** Where a thread stands for the agents: waiting for an answer, answered, or closed. */
public enum ContactStatus {
    NEW, ANSWERED, CLOSED;

    public String messageKey() {
        return "contact.status." + name();
    }
}
