package org.beffroi.family.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.internal.Menus;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** « Menu de la cantine »: a week's menu (this week's unless {@code semaine} names a day of another), for everyone. */
@Controller
@RequiredArgsConstructor
class CanteenController {

    private final Menus menus;

    @GetMapping("/cantine")
    String week(@RequestParam(name = "semaine", required = false) String week, Model model) {
        LocalDate monday;
        if (week == null || week.isBlank()) {
            monday = menus.thisMonday();
        } else {
            try {
                monday = Menus.mondayOf(LocalDate.parse(week.strip()));
            } catch (DateTimeParseException e) {
                throw new NotFoundException();
            }
        }
        model.addAttribute("monday", monday);
        model.addAttribute("friday", monday.plusDays(4));
        model.addAttribute("menu", menus.week(monday).orElse(null));
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        return "family/canteen";
    }
}
