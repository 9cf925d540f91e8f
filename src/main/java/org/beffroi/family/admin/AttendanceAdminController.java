package org.beffroi.family.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.FamilyModule.FamilyOffice;
import org.beffroi.family.internal.Attendance;
import org.beffroi.payments.Euros;
import org.beffroi.payments.Payments;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attendance and the invoices made from it: the services billed by the day (code, name, price), a service's register
 * of a week (every child, a box a school day), and a month's invoices of a service. Mistakes come back next to their
 * field with what was typed and 400.
 */
@Controller
@RequestMapping("/admin/familles/presences")
@FamilyOffice
@RequiredArgsConstructor
class AttendanceAdminController {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final String BASE = "/admin/familles/presences";

    private final Attendance attendance;
    private final Payments payments;

    @GetMapping
    String register(@RequestParam(name = "service", required = false) Long serviceId,
            @RequestParam(name = "semaine", required = false) String week, Model model) {
        var services = attendance.services();
        model.addAttribute("services", services);
        if (services.isEmpty()) {
            return "family/admin/attendance";
        }
        var service = serviceId == null ? services.getFirst()
                : attendance.service(serviceId).orElseThrow(NotFoundException::new);
        LocalDate monday = monday(week);
        model.addAttribute("service", service);
        model.addAttribute("monday", monday);
        model.addAttribute("days", Attendance.schoolDays(monday));
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("rows", attendance.register(service.id(), monday));
        return "family/admin/attendance";
    }

    @PostMapping
    String record(@RequestParam("service") long serviceId, @RequestParam("semaine") String week,
            @RequestParam(name = "presence", required = false) List<String> ticked, RedirectAttributes redirect) {
        var service = attendance.service(serviceId).orElseThrow(NotFoundException::new);
        LocalDate monday = monday(week);
        Map<Long, Set<LocalDate>> days = new HashMap<>();
        for (String box : ticked == null ? List.<String>of() : ticked) {
            String[] parts = box.split("_", 2);
            try {
                days.computeIfAbsent(Long.parseLong(parts[0]), k -> new HashSet<>()).add(LocalDate.parse(parts[1]));
            } catch (RuntimeException notABox) {
                throw new NotFoundException(); // not a box of the page
            }
        }
        attendance.record(service.id(), monday, days);
        redirect.addFlashAttribute("saved", "family.attendance.saved");
        return "redirect:" + BASE + "?service=" + service.id() + "&semaine=" + monday;
    }

    @GetMapping("/services")
    String services(Model model) {
        model.addAttribute("services", attendance.services());
        model.addAttribute("typed", Map.of());
        model.addAttribute("errors", Map.of());
        return "family/admin/services";
    }

    @PostMapping("/services")
    String createService(@RequestParam(name = "code", defaultValue = "") String code,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "price", defaultValue = "") String price, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = new HashMap<String, String>();
        String cleanCode = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(cleanCode).matches()) {
            errors.put("code", "family.service.code.invalid");
        } else if (attendance.codeTaken(cleanCode)) {
            errors.put("code", "family.service.code.taken");
        }
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            errors.put("name", "family.service.name.invalid");
        }
        var amount = Euros.read(price, payments.maxAmountCents());
        if (!amount.accepted()) {
            errors.put("price", amount.refusal().messageKey());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("services", attendance.services());
            model.addAttribute("typed", Map.of("code", code, "name", name, "price", price));
            model.addAttribute("errors", errors);
            model.addAttribute("maximum", Euros.words(payments.maxAmountCents()));
            return "family/admin/services";
        }
        attendance.createService(cleanCode, cleanName, amount.cents());
        redirect.addFlashAttribute("saved", "family.service.created");
        return "redirect:" + BASE + "/services";
    }

    @GetMapping("/facturation")
    String billingForm(Model model) {
        model.addAttribute("services", attendance.services());
        YearMonth last = YearMonth.now(CommuneTime.ZONE).minusMonths(1);
        model.addAttribute("typed", Map.of("month", last.toString(),
                "due", last.plusMonths(1).atEndOfMonth().toString()));
        model.addAttribute("errors", Map.of());
        return "family/admin/billing";
    }

    @PostMapping("/facturation")
    String bill(@RequestParam("service") long serviceId, @RequestParam(name = "month", defaultValue = "") String month,
            @RequestParam(name = "due", defaultValue = "") String due, Model model, HttpServletResponse response) {
        var service = attendance.service(serviceId).orElseThrow(NotFoundException::new);
        var errors = new HashMap<String, String>();
        YearMonth chosen = null;
        LocalDate dueDate = null;
        try {
            chosen = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            errors.put("month", "family.billing.month.invalid");
        }
        try {
            dueDate = LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            errors.put("due", "family.billing.due.invalid");
        }
        model.addAttribute("services", attendance.services());
        model.addAttribute("typed", Map.of("service", Long.toString(serviceId), "month", month, "due", due));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return "family/admin/billing";
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("billed", service);
        model.addAttribute("billedMonth", chosen);
        model.addAttribute("billing", attendance.bill(service, chosen, dueDate));
        return "family/admin/billing";
    }

    /** The Monday of the week of the day given (this week by default); 404 for what is not a day. */
    private static LocalDate monday(String week) {
        LocalDate day;
        if (week == null || week.isBlank()) {
            day = LocalDate.now(CommuneTime.ZONE);
        } else {
            try {
                day = LocalDate.parse(week.strip());
            } catch (DateTimeParseException e) {
                throw new NotFoundException();
            }
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
