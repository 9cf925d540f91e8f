package org.beffroi.appointments.web;

import org.beffroi.appointments.internal.BookingCalendar;
import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.platform.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A confirmed booking as an iCalendar file, from the link of its confirmation mail (the same token cancels it). */
@RestController
class CalendarController {

    private final BookingDesk desk;
    private final BookingCalendar calendar;

    CalendarController(BookingDesk desk, BookingCalendar calendar) {
        this.desk = desk;
        this.calendar = calendar;
    }

    @GetMapping("/rendez-vous/agenda.ics")
    ResponseEntity<String> ics(@RequestParam(name = "jeton", required = false) String token) {
        var booking = desk.findToCancel(token).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rendez-vous.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(calendar.write(booking));
    }
}
