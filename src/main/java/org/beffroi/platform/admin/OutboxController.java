package org.beffroi.platform.admin;

import java.time.OffsetDateTime;

import org.beffroi.platform.PlatformModule.ReadOutbox;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.internal.MailText;

/**
 * The mail outbox: what was sent, what waits, what failed. Without an SMTP relay (the demo), this is
 * where the mail is read, so a sign-up works on a machine with no mail server. The personal links of a mail are
 * shown only there, in the demo's mail kept for want of a relay; elsewhere they are hidden (ADR 0025).
 */
@Controller
@RequestMapping("/admin/courriels")
@ReadOutbox
class OutboxController {

    private static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OutboxController(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    record MailRow(long id, String recipient, String subject, String status, int attempts, OffsetDateTime createdAt,
            String body) {

        MailRow withBody(String shown) {
            return new MailRow(id, recipient, subject, status, attempts, createdAt, shown);
        }
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
        String hidden = messages.getMessage("admin.outbox.hidden", null, LocaleContextHolder.getLocale());
        model.addAttribute("mail", jdbc.sql("select * from platform_mail where id = ?").param(id)
                .query((rs, n) -> {
                    var mail = row(rs, n);
                    // a kept mail holds its secrets only where they may be shown (the demo's outbox)
                    String shown = "KEPT".equals(mail.status()) ? rs.getString("secrets") : null;
                    return mail.withBody(MailText.shown(mail.body(), shown, hidden));
                })
                .optional().orElseThrow(NotFoundException::new));
        return "platform/admin/mail";
    }

    private static MailRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MailRow(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("body"));
    }
}
