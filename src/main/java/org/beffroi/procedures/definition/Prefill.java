package org.beffroi.procedures.definition;

/** What a field may take from the signed-in person's account before they type. */
public enum Prefill {
    NAME, EMAIL
}
