package org.beffroi.platform.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import lombok.Getter;

/** The values the component page's form fields show; the address is wrong on purpose, to show an error. */
@Getter
public class ComponentExample {

    private String name = "Jeanne Martin";
    private Integer seats = 12;
    private LocalDate day = LocalDate.of(2026, 12, 12);
    private LocalTime opens = LocalTime.of(14, 30);
    private LocalDateTime startsAt = LocalDateTime.of(2026, 12, 12, 14, 30);
    private String website = "https://www.example.org";
    private String email = "jeanne.martin@";
}
