package org.beffroi.platform.admin;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.CommuneSettings;
import org.beffroi.platform.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The settings form, as typed by the administrator (kept as typed when it comes back with errors). */
@Getter
@Setter
public class CommuneSettingsForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    /** Five characters: digits, or 2A/2B followed by three digits for Corsica. */
    @NotBlank
    @Pattern(regexp = "\\d{5}|2[AaBb]\\d{3}", message = "{settings.insee.invalid}")
    private String inseeCode;

    @NotBlank
    @Email
    @Size(max = 254)
    private String contactEmail;

    @Size(max = 30)
    @Pattern(regexp = "[+0-9 .()-]*", message = "{settings.phone.invalid}")
    private String contactPhone;

    @Size(max = 300)
    private String postalAddress;

    @NotBlank
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{settings.colour.invalid}")
    private String primaryColour;

    @NotBlank
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{settings.colour.invalid}")
    private String accentColour;

    @Size(max = 120)
    private String publicationDirector;

    @Size(max = 500)
    private String hostDetails;

    private boolean removeLogo;

    /** The commune's streets and places, one a line. */
    private String streets;

    /** The accessibility audit: its date and the rate of RGAA criteria it found met; both, or neither. */
    @PastOrPresent
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate accessibilityAuditDate;

    @Min(0)
    @Max(100)
    private Integer accessibilityAuditRate;

    /** An audit has a date and a rate: one without the other is refused on the field left empty. */
    void checkAudit(Errors errors) {
        if (accessibilityAuditDate == null && accessibilityAuditRate != null && !errors.hasFieldErrors("accessibilityAuditDate")) {
            errors.rejectValue("accessibilityAuditDate", "settings.audit.date-missing");
        }
        if (accessibilityAuditRate == null && accessibilityAuditDate != null && !errors.hasFieldErrors("accessibilityAuditRate")) {
            errors.rejectValue("accessibilityAuditRate", "settings.audit.rate-missing");
        }
    }

    /** The streets typed, one a line: trimmed, blank lines and repeats dropped; too many or too long refused. */
    java.util.List<String> streets(Errors errors) {
        var list = streets == null ? java.util.List.<String>of() : streets.lines().map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty()).distinct().toList();
        if (list.size() > org.beffroi.platform.Commune.MOST_STREETS) {
            errors.rejectValue("streets", "settings.streets.too-many", new Object[] {org.beffroi.platform.Commune.MOST_STREETS}, null);
        } else if (list.stream().anyMatch(l -> l.length() > org.beffroi.platform.Commune.LONGEST_STREET)) {
            errors.rejectValue("streets", "settings.streets.too-long", new Object[] {org.beffroi.platform.Commune.LONGEST_STREET}, null);
        }
        return list;
    }

    static CommuneSettingsForm of(CommuneSettings s, java.util.List<String> streets) {
        var form = of(s);
        form.streets = String.join("\n", streets);
        return form;
    }

    static CommuneSettingsForm of(CommuneSettings s) {
        var form = new CommuneSettingsForm();
        form.name = s.name();
        form.inseeCode = s.inseeCode();
        form.contactEmail = s.contactEmail();
        form.contactPhone = s.contactPhone();
        form.postalAddress = s.postalAddress();
        form.primaryColour = s.primaryColour();
        form.accentColour = s.accentColour();
        form.publicationDirector = s.publicationDirector();
        form.hostDetails = s.hostDetails();
        form.accessibilityAuditDate = s.accessibilityAuditDate();
        form.accessibilityAuditRate = s.accessibilityAuditRate();
        return form;
    }

    CommuneSettings toSettings(java.util.UUID logoFileId) {
        return new CommuneSettings(name.strip(), inseeCode.toUpperCase(java.util.Locale.ROOT), contactEmail.strip(),
                Text.blankToNull(contactPhone), Text.blankToNull(postalAddress), primaryColour.toLowerCase(java.util.Locale.ROOT),
                accentColour.toLowerCase(java.util.Locale.ROOT), logoFileId, Text.blankToNull(publicationDirector),
                Text.blankToNull(hostDetails), accessibilityAuditDate, accessibilityAuditRate);
    }
}
