package org.beffroi.family.internal;

import java.time.LocalDate;

/**
 * A child of a household; school and class are optional (null). A child who left ({@code leftOn}) is kept with the
 * attendance that was billed, and is no longer in the registers.
 */
public record Child(long id, long householdId, String firstName, String lastName, LocalDate birthDate, String school,
        String className, LocalDate leftOn) {

    public boolean left() {
        return leftOn != null;
    }
}
