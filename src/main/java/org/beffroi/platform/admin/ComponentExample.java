package org.beffroi.platform.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The values the component page's form fields show; the address is wrong on purpose, to show an error. */
public class ComponentExample {

    private String name = "Jeanne Martin";
    private Integer seats = 12;
    private LocalDate day = LocalDate.of(2026, 12, 12);
    private LocalTime opens = LocalTime.of(14, 30);
    private LocalDateTime startsAt = LocalDateTime.of(2026, 12, 12, 14, 30);
    private String website = "https://www.example.org";
    private String email = "jeanne.martin@";

    public String getName() {
        return name;
    }

    public Integer getSeats() {
        return seats;
    }

    public LocalDate getDay() {
        return day;
    }

    public LocalTime getOpens() {
        return opens;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public String getWebsite() {
        return website;
    }

    public String getEmail() {
        return email;
    }
}
