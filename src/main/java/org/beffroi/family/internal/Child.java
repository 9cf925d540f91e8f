package org.beffroi.family.internal;

import java.time.LocalDate;

/** A child of a household; school and class are optional (null). */
public record Child(long id, long householdId, String firstName, String lastName, LocalDate birthDate, String school,
        String className) {
}
