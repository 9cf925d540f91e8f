package org.beffroi.alerts.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

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
    private String fullName;

    @Past
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    private AgeBracket ageBracket;

    @NotBlank
    @Size(max = 300)
    private String address;

    private Long neighbourhoodId;

    @NotBlank
    @Pattern(regexp = FRENCH_PHONE)
    private String phone;

    @Pattern(regexp = OPTIONAL_FRENCH_PHONE)
    private String otherPhone;

    @Size(max = 120)
    private String contactName;

    @Pattern(regexp = OPTIONAL_FRENCH_PHONE)
    private String contactPhone;

    private Set<Need> needs = EnumSet.noneOf(Need.class);

    @Size(max = 2000)
    private String needsNote;

    @Size(max = 200)
    private String doctor;

    @AssertTrue
    private boolean consent;

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

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public AgeBracket getAgeBracket() { return ageBracket; }
    public void setAgeBracket(AgeBracket ageBracket) { this.ageBracket = ageBracket; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Long getNeighbourhoodId() { return neighbourhoodId; }
    public void setNeighbourhoodId(Long neighbourhoodId) { this.neighbourhoodId = neighbourhoodId; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getOtherPhone() { return otherPhone; }
    public void setOtherPhone(String otherPhone) { this.otherPhone = otherPhone; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Set<Need> getNeeds() { return needs; }
    public void setNeeds(Set<Need> needs) { this.needs = needs == null ? EnumSet.noneOf(Need.class) : needs; }
    public String getNeedsNote() { return needsNote; }
    public void setNeedsNote(String needsNote) { this.needsNote = needsNote; }
    public String getDoctor() { return doctor; }
    public void setDoctor(String doctor) { this.doctor = doctor; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
