package org.beffroi.family.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.beffroi.family.FamilyModule.FamilyOffice;
import org.beffroi.family.internal.Menus;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The canteen's menu of a week, typed day by day (one dish a line) and published; audited by the service. */
@Controller
@RequestMapping("/admin/familles/menus")
@FamilyOffice
@RequiredArgsConstructor
class MenuAdminController {

    /** The most a day's dishes may hold. */
    static final int MAX_DISHES = 1_000;

    private final Menus menus;

    /** A week's menu as typed: its Monday (any day of the week is taken to its Monday) and five school days. */
    @Getter
    @Setter
    public static class MenuForm {
        private String week;
        private String monday;
        private String tuesday;
        private String wednesday;
        private String thursday;
        private String friday;

        String[] days() {
            return new String[] {monday, tuesday, wednesday, thursday, friday};
        }
    }

    private static final String[] FIELDS = {"monday", "tuesday", "wednesday", "thursday", "friday"};

    @GetMapping
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
        var typed = menus.typed(monday);
        var form = new MenuForm();
        form.setWeek(monday.toString());
        form.setMonday(typed.get(1));
        form.setTuesday(typed.get(2));
        form.setWednesday(typed.get(3));
        form.setThursday(typed.get(4));
        form.setFriday(typed.get(5));
        model.addAttribute("form", form);
        model.addAttribute("published", menus.week(monday).isPresent());
        return page(monday, model);
    }

    @PostMapping
    String publish(@ModelAttribute("form") MenuForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LocalDate monday = null;
        try {
            monday = form.getWeek() == null ? null : Menus.mondayOf(LocalDate.parse(form.getWeek().strip()));
        } catch (DateTimeParseException e) {
            // said below
        }
        if (monday == null) {
            errors.rejectValue("week", "family.menu.week.invalid");
        }
        var dishes = new HashMap<Integer, String>();
        boolean any = false;
        for (int i = 0; i < FIELDS.length; i++) {
            String text = form.days()[i];
            if (text != null && text.strip().length() > MAX_DISHES) {
                errors.rejectValue(FIELDS[i], "family.field.too-long", new Object[] {MAX_DISHES}, null);
            }
            any |= text != null && !text.isBlank();
            dishes.put(i + 1, text);
        }
        if (!any && !errors.hasFieldErrors("monday")) {
            errors.rejectValue("monday", "family.menu.empty");
        }
        if (errors.hasErrors()) {
            model.addAttribute("published", false);
            return page(monday == null ? menus.thisMonday() : monday, model);
        }
        menus.publish(monday, dishes, true);
        redirect.addFlashAttribute("saved", "family.menu.published");
        return "redirect:/admin/familles/menus?semaine=" + monday;
    }

    private String page(LocalDate monday, Model model) {
        model.addAttribute("mondayDate", monday);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        return "family/admin/menu";
    }
}
