package org.beffroi.alerts.admin;

import java.time.LocalDateTime;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.CrisisKind;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A crisis as an agent opens it; the start is the commune's local time. */
@Getter
@Setter
public class CrisisForm {

    @NotNull
    private CrisisKind kind = CrisisKind.HEATWAVE;

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startedAt;
}
