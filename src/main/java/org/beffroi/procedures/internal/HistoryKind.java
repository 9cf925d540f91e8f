package org.beffroi.procedures.internal;

/** What an entry of a case's history records. */
public enum HistoryKind {
    FILED, STATUS, MAIL, ASSIGNED, QUESTION, ANSWER, NOTE, DATA_EDIT, DOCUMENT, ANONYMISED,
    /** The workflow asked the person to pay (the amount in words). */
    PAYMENT_REQUESTED,
    /** The payment asked was received (the amount in words). */
    PAYMENT_RECEIVED;

    public String messageKey() {
        return "procedures.history." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
