package org.beffroi.procedures.definition;

/** Who may file a procedure. */
public enum Access {
    /** Anyone, signed in or not (they give an e-mail address to follow the case). */
    ANYONE,
    /** A person signed in. */
    SIGNED_IN,
    /** A person signed in whose e-mail address is confirmed. */
    VERIFIED
}
