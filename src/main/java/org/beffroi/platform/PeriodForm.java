package org.beffroi.platform;

import java.time.Instant;
import java.time.LocalDateTime;

import lombok.Getter;
import lombok.Setter;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotNull;

/**
 * A form with a start and an end, both typed as the commune's local date and time ({@code datetime-local}
 * fields); the end comes after the start.
 */
@EndsAfterStarts
@Getter
@Setter
public abstract class PeriodForm {

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

    /** Shows saved moments as the commune's clocks read them. */
    protected void fillPeriod(Instant start, Instant end) {
        startsAt = LocalDateTime.ofInstant(start, CommuneTime.ZONE);
        endsAt = LocalDateTime.ofInstant(end, CommuneTime.ZONE);
    }

    /** The start as a moment, once validation found both times. */
    protected Instant startInstant() {
        return startsAt.atZone(CommuneTime.ZONE).toInstant();
    }

    /** The end as a moment, once validation found both times. */
    protected Instant endInstant() {
        return endsAt.atZone(CommuneTime.ZONE).toInstant();
    }
}
