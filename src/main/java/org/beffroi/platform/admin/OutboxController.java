package org.beffroi.platform.admin;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.beffroi.platform.NotFoundException;

/**
 * The mail outbox: what was sent, what waits, what failed. Without an SMTP relay (the demo), this is
 * where the mail is read, so a sign-up works on a machine with no mail server.
 */
@Controller
@RequestMapping("/admin/courriels")
@PreAuthorize("hasAuthority('platform:outbox')")
class OutboxController {

    private static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    OutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record MailRow(long id, String recipient, String subject, String status, int attempts, OffsetDateTime createdAt,
            String body) {
    }

    @GetMapping
    String list(@RequestParam(name = "destinataire", required = false) String recipient,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String filter = recipient == null ? "" : recipient.strip().toLowerCase(java.util.Locale.ROOT);
        int safePage = Math.max(0, page);
        var mails = jdbc.sql("""
                select id, recipient, subject, status, attempts, created_at, null as body from platform_mail
                where lower(recipient) like ? order by id desc limit ? offset ?""")
                .params("%" + filter.replace("%", "") + "%", PAGE_SIZE + 1, safePage * PAGE_SIZE)
                .query(OutboxController::row).list();
        model.addAttribute("mails", mails.subList(0, Math.min(PAGE_SIZE, mails.size())));
        model.addAttribute("hasNext", mails.size() > PAGE_SIZE);
        model.addAttribute("page", safePage);
        model.addAttribute("recipient", filter);
        return "platform/admin/outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", jdbc.sql("select * from platform_mail where id = ?").param(id)
                .query(OutboxController::row).optional().orElseThrow(NotFoundException::new));
        return "platform/admin/mail";
    }

    private static MailRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MailRow(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("body"));
    }
}
