package org.beffroi.platform.admin;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.AuditTrail;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.PlatformModule.ReadAuditLog;
import org.beffroi.platform.internal.AuditLogDesk;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The security log in words ({@link AuditLogView}), filtered by kind of action, person and dates, and exported as CSV. */
@Controller
@RequestMapping("/admin/journal")
@ReadAuditLog
@RequiredArgsConstructor
class AuditLogController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final AuditLogDesk desk;
    private final AuditLogView view;

    @GetMapping
    String list(@RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "personne", required = false) String actor,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page, Locale locale, Model model) {
        var filter = filter(action, actor, from, to);
        int safePage = Math.max(0, page);
        long total = audit.count(filter);
        model.addAttribute("entries", view.rows(audit.search(filter, safePage, PAGE_SIZE), locale));
        model.addAttribute("kinds", view.kinds(locale));
        model.addAttribute("total", total);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute("action", action);
        model.addAttribute("personne", actor);
        model.addAttribute("du", from);
        model.addAttribute("au", to);
        return "platform/admin/audit";
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "personne", required = false) String actor,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        var filter = filter(action, actor, from, to);
        desk.exportStarted();
        try (var csv = CsvExport.open(response, "journal.csv", "id", "date", "compte", "personne", "action", "cible",
                "ip", "details")) {
            int page = 0;
            java.util.List<AuditLog.Entry> batch;
            do {
                batch = audit.search(filter, page++, 1000);
                batch.forEach(e -> csv.row(e.id(), e.occurredAt(), e.actorAccountId(), e.actorLabel(), e.action(),
                        e.target(), e.ip(), e.details()));
            } while (batch.size() == 1000);
        }
    }

    private static AuditLog.Filter filter(String action, String actor, LocalDate from, LocalDate to) {
        return new AuditLog.Filter(action, actor, from == null ? null : from.atStartOfDay(CommuneTime.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant());
    }

}
