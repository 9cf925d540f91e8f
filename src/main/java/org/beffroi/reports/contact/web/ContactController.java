package org.beffroi.reports.contact.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.beffroi.reports.contact.internal.ContactDesk;
import org.beffroi.reports.contact.internal.ContactThread;
import org.beffroi.reports.contact.internal.ContactTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The residents' side of writing to the town hall: the form, the mailed link's page (confirm, then read and reply),
 * and a signed-in resident's threads under « Mon compte ». Someone else's thread, or an unknown one, answers 404.
 */
@Controller
@RequiredArgsConstructor
class ContactController {

    private final ContactDesk desk;
    private final Accounts accounts;
    private final RateLimits limits;
    @Value("${beffroi.reports.contact.per-address-per-hour:10}")
    private final int perAddress;
    @Value("${beffroi.reports.contact.per-email-per-hour:5}")
    private final int perEmail;

    @GetMapping("/contact")
    String blank(Model model) {
        model.addAttribute("contactForm", new ContactForm());
        return form(model);
    }

    @PostMapping("/contact")
    String write(@Validated @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var user = SignedInUser.current();
        if (form.getTopicId() != null && desk.topic(form.getTopicId()).filter(ContactTopic::active).isEmpty()) {
            errors.rejectValue("topicId", "contact.form.topic.unknown");
        }
        if (user.isEmpty() && (form.getEmail() == null || form.getEmail().isBlank()) && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "contact.form.email.missing");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model);
        }
        var sender = user.map(u -> new ContactDesk.Sender(u.accountId(), accountEmail(u), u.displayName()))
                .orElseGet(() -> new ContactDesk.Sender(null, form.getEmail().strip(), form.getName()));
        if (!limits.tryConsume("contact:" + request.getRemoteAddr(), perAddress, Duration.ofHours(1))
                || !limits.tryConsume("contact-email:" + sender.email().toLowerCase(Locale.ROOT), perEmail,
                        Duration.ofHours(1))) {
            errors.reject("contact.form.rate-limited");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model);
        }
        long id = desk.open(new ContactDesk.Opening(form.getTopicId(), form.getSubject(), form.getMessage(), sender));
        if (sender.accountId() != null) {
            redirect.addFlashAttribute("saved", "contact.sent.flash");
            return "redirect:/mon-compte/messages/" + id;
        }
        return "redirect:/contact/envoye";
    }

    @GetMapping("/contact/envoye")
    String sent() {
        return "reports/contact/sent";
    }

    /** The mailed link: a button to confirm first (a mail scanner following links confirms nothing), then the thread. */
    @GetMapping("/contact/suivi")
    String byLink(@RequestParam(name = "jeton", required = false) String token, Model model) {
        var thread = desk.byToken(token).orElseThrow(NotFoundException::new);
        model.addAttribute("token", token);
        if (!thread.confirmed()) {
            return "reports/contact/confirm";
        }
        model.addAttribute("replyForm", new ReplyForm());
        return thread(thread, model);
    }

    @PostMapping("/contact/suivi/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, RedirectAttributes redirect) {
        desk.confirm(token).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("saved", "contact.confirmed");
        return "redirect:/contact/suivi?jeton=" + UriUtils.encodeQueryParam(token, "UTF-8");
    }

    @PostMapping("/contact/suivi/reponse")
    String replyByLink(@RequestParam(name = "jeton", required = false) String token,
            @Validated @ModelAttribute("replyForm") ReplyForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var thread = desk.byToken(token).filter(ContactThread::confirmed).orElseThrow(NotFoundException::new);
        if (errors.hasErrors()) {
            model.addAttribute("token", token);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return thread(thread, model);
        }
        desk.reply(thread.id(), form.getMessage(), null);
        redirect.addFlashAttribute("saved", "contact.replied");
        return "redirect:/contact/suivi?jeton=" + UriUtils.encodeQueryParam(token, "UTF-8");
    }

    @GetMapping("/mon-compte/messages")
    String mine(Model model) {
        model.addAttribute("threads", desk.ofAccount(SignedInUser.current().orElseThrow().accountId()));
        return "reports/contact/mine";
    }

    @GetMapping("/mon-compte/messages/{id}")
    String myThread(@PathVariable String id, Model model) {
        model.addAttribute("replyForm", new ReplyForm());
        return thread(own(id), model);
    }

    @PostMapping("/mon-compte/messages/{id}/reponse")
    String reply(@PathVariable String id, @Validated @ModelAttribute("replyForm") ReplyForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var thread = own(id);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return thread(thread, model);
        }
        desk.reply(thread.id(), form.getMessage(), thread.accountId());
        redirect.addFlashAttribute("saved", "contact.replied");
        return "redirect:/mon-compte/messages/" + thread.id();
    }

    private ContactThread own(String id) {
        long accountId = SignedInUser.current().orElseThrow().accountId();
        try {
            return desk.findOfAccount(Long.parseLong(id), accountId).orElseThrow(NotFoundException::new);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private String thread(ContactThread thread, Model model) {
        model.addAttribute("thread", thread);
        model.addAttribute("messages", desk.messages(thread.id()));
        return "reports/contact/thread";
    }

    private String form(Model model) {
        model.addAttribute("topics", desk.activeTopics());
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        model.addAttribute("maxMessage", ContactForm.MAX_MESSAGE);
        return "reports/contact/new";
    }

    private String accountEmail(SignedInUser user) {
        return accounts.find(user.accountId()).map(a -> a.email()).orElseThrow();
    }
}
