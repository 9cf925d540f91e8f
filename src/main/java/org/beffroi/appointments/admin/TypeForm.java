package org.beffroi.appointments.admin;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.appointments.internal.CounterSetup;
import org.beffroi.appointments.internal.MeetingType;

/** A meeting type as an administrator sets it; its length on the 5-minute grid is checked by the controller. */
@Getter
@Setter
public class TypeForm {

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotNull
    @Min(5)
    @Max(480)
    private Integer durationMinutes = 20;

    @NotNull
    @Min(0)
    @Max(720)
    private Integer minNoticeHours = 2;

    @NotNull
    @Min(1)
    @Max(730)
    private Integer maxAheadDays = 90;

    @NotNull
    @Min(1)
    @Max(20)
    private Integer maxActivePerPerson = 1;

    private boolean asksPreApplication;

    @NotNull
    private MeetingType.Audience audience = MeetingType.Audience.ANYONE;

    /**
     * In euros as typed ("25", "25,50"); empty or 0: free. Read by the controller with the payments' rules (positive,
     * two decimals at most, under their maximum).
     */
    @Size(max = 20)
    private String price;

    static TypeForm of(MeetingType type) {
        var form = new TypeForm();
        form.setName(type.name());
        form.setDurationMinutes(type.durationMinutes());
        form.setMinNoticeHours(type.minNoticeHours());
        form.setMaxAheadDays(type.maxAheadDays());
        form.setMaxActivePerPerson(type.maxActivePerPerson());
        form.setAsksPreApplication(type.asksPreApplication());
        form.setAudience(type.audience());
        form.setPrice(type.priced() ? BigDecimal.valueOf(type.priceCents(), 2).toPlainString() : null);
        return form;
    }

    CounterSetup.TypeSettings settings(long priceCents) {
        return new CounterSetup.TypeSettings(name.strip(), durationMinutes, minNoticeHours, maxAheadDays,
                maxActivePerPerson, asksPreApplication, audience, priceCents);
    }

    /** Whether no price was given: empty, or zero. */
    boolean free() {
        return price == null || price.isBlank() || price.strip().matches("0+([.,]0*)?");
    }
}
