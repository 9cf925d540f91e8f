package org.beffroi.platform.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PlatformModule.ReadOutbox;
import org.beffroi.platform.internal.OutboxRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mail outbox: what was sent, what waits, what failed. Without an SMTP relay (the demo), this is
 * where the mail is read, so a sign-up works on a machine with no mail server. The personal links of a mail are
 * shown only there, in the demo's mail kept for want of a relay; elsewhere they are hidden (ADR 0025).
 */
@Controller
@RequestMapping("/admin/courriels")
@ReadOutbox
@RequiredArgsConstructor
class OutboxController {

    private static final int PAGE_SIZE = 50;

    private final OutboxRepository outbox;
    private final MessageSource messages;

    @GetMapping
    String list(@RequestParam(name = "destinataire", required = false) String recipient,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String filter = recipient == null ? "" : recipient.strip().toLowerCase(java.util.Locale.ROOT);
        int safePage = Math.max(0, page);
        var mails = outbox.page(filter, safePage, PAGE_SIZE);
        model.addAttribute("mails", mails.subList(0, Math.min(PAGE_SIZE, mails.size())));
        model.addAttribute("hasNext", mails.size() > PAGE_SIZE);
        model.addAttribute("page", safePage);
        model.addAttribute("recipient", filter);
        return "platform/admin/outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        String hidden = messages.getMessage("admin.outbox.hidden", null, LocaleContextHolder.getLocale());
        model.addAttribute("mail", outbox.find(id, hidden).orElseThrow(NotFoundException::new));
        return "platform/admin/mail";
    }
}
