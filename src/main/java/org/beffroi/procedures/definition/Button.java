package org.beffroi.procedures.definition;

/**
 * A button an agent presses on a case in this status: the case jumps to {@code to}. With {@code asksResident}, the
 * agent writes a question and the case waits for the resident's answer, given in their account.
 */
public record Button(String id, String label, String to, boolean asksResident) {
}
