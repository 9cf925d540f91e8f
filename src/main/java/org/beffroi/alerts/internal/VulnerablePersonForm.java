package org.beffroi.alerts.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import lombok.Getter;
import lombok.Setter;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An entry of the register as typed by the person or by an agent: the least the crisis plan needs. Phone
 * numbers are French numbers, with or without spaces, dots or dashes, or with +33.
 */
public class VulnerablePersonForm {

    /** A French number: 0 then nine digits, or +33 / 0033 then nine digits; spaces, dots and dashes allowed. */
    static final String FRENCH_PHONE = "^\\s*(?:(?:\\+|00)33[ .-]?(?:\\(0\\)[ .-]?)?|0)[1-9](?:[ .-]?[0-9]{2}){4}\\s*$";
    private static final String OPTIONAL_FRENCH_PHONE = "^\\s*$|" + FRENCH_PHONE;

    @NotBlank
    @Size(max = 120)
    @Getter @Setter private String fullName;

    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate birthDate;

    @Getter @Setter private AgeBracket ageBracket;

    @NotBlank
    @Size(max = 300)
    @Getter @Setter private String address;

    @Getter @Setter private Long neighbourhoodId;

    @NotBlank
    @Pattern(regexp = FRENCH_PHONE)
    @Getter @Setter private String phone;

    @Pattern(regexp = OPTIONAL_FRENCH_PHONE)
    @Getter @Setter private String otherPhone;

    @Size(max = 120)
    @Getter @Setter private String contactName;

    @Pattern(regexp = OPTIONAL_FRENCH_PHONE)
    @Getter @Setter private String contactPhone;

    @Getter private Set<Need> needs = EnumSet.noneOf(Need.class);

    @Size(max = 2000)
    @Getter @Setter private String needsNote;

    @Size(max = 200)
    @Getter @Setter private String doctor;

    @AssertTrue
    @Getter @Setter private boolean consent;

    /** Answers "01 23 45 67 89" for any accepted spelling of a French number, null for a blank one. */
    static String normalisePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("0033")) {
            digits = digits.substring(4);
        } else if (phone.strip().startsWith("+33")) {
            digits = digits.substring(2);
        }
        if (digits.length() == 10 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        digits = "0" + digits;
        return String.join(" ", digits.substring(0, 2), digits.substring(2, 4), digits.substring(4, 6),
                digits.substring(6, 8), digits.substring(8, 10));
    }

    public void setNeeds(Set<Need> needs) { this.needs = needs == null ? EnumSet.noneOf(Need.class) : needs; }
}
