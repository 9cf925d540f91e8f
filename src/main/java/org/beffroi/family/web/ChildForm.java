package org.beffroi.family.web;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.family.internal.Child;
import org.beffroi.family.internal.Households.NewChild;
import org.springframework.validation.Errors;

/**
 * A child as the resident (or an agent) types them: first and last name, birth date (yyyy-mm-dd, as a date field
 * sends it), school and class optional. {@link #check} puts a message next to each field it refuses.
 */
@Getter
@Setter
public class ChildForm {

    private String firstName;
    private String lastName;
    private String birthDate;
    private String school;
    private String className;

    public static ChildForm of(Child child) {
        var form = new ChildForm();
        form.setFirstName(child.firstName());
        form.setLastName(child.lastName());
        form.setBirthDate(child.birthDate().toString());
        form.setSchool(child.school());
        form.setClassName(child.className());
        return form;
    }

    /** The child, or null with the errors added; {@code today} bounds the birth date. */
    public NewChild check(Errors errors, LocalDate today) {
        String first = required(errors, "firstName", firstName, 100);
        String last = required(errors, "lastName", lastName, 100);
        LocalDate birth = null;
        if (birthDate == null || birthDate.isBlank()) {
            errors.rejectValue("birthDate", "family.child.birth-date.missing");
        } else {
            try {
                birth = LocalDate.parse(birthDate.strip());
                if (birth.isAfter(today) || birth.isBefore(today.minusYears(30))) {
                    errors.rejectValue("birthDate", "family.child.birth-date.range");
                    birth = null;
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.rejectValue("birthDate", "family.child.birth-date.invalid");
            }
        }
        String schoolName = optional(errors, "school", school, 200);
        String classText = optional(errors, "className", className, 100);
        if (errors.hasErrors()) {
            return null;
        }
        return new NewChild(first, last, birth, schoolName, classText);
    }

    private static String required(Errors errors, String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.rejectValue(field, "family.child." + field + ".missing");
        } else if (text.length() > max) {
            errors.rejectValue(field, "family.field.too-long", new Object[] {max}, null);
        }
        return text;
    }

    private static String optional(Errors errors, String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            errors.rejectValue(field, "family.field.too-long", new Object[] {max}, null);
        }
        return text.isEmpty() ? null : text;
    }
}
