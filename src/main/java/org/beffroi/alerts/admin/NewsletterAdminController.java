package org.beffroi.alerts.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

import org.beffroi.alerts.internal.Issue;
import org.beffroi.alerts.internal.NewsletterList;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.Newsletters.SendOutcome;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.AccountSummary;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Newsletters in the back office: the lists (name, description, weekly schedule), their issues; an issue
 * is assembled, edited (items ticked, free text), previewed, tried on the agent's own address, sent now or
 * at a time, cancelled while scheduled, and its send followed.
 */
@Controller
@RequestMapping("/admin/lettres")
@PreAuthorize("hasAuthority('alerts:send')")
class NewsletterAdminController {

    /** The preview is the mail itself: its inline styles are allowed there, and nothing else. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

    private final Newsletters newsletters;
    private final Accounts accounts;
    private final AuditLog audit;

    NewsletterAdminController(Newsletters newsletters, Accounts accounts, AuditLog audit) {
        this.newsletters = newsletters;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping
    String lists(Model model) {
        var lists = newsletters.lists();
        model.addAttribute("lists", lists);
        var counts = new java.util.HashMap<Long, Long>();
        lists.forEach(l -> counts.put(l.id(), newsletters.subscribers(l.id())));
        model.addAttribute("counts", counts);
        return "alerts/newsletter/admin/lists";
    }

    @GetMapping("/nouvelle")
    String createForm(Model model) {
        model.addAttribute("form", new ListForm());
        return "alerts/newsletter/admin/list-form";
    }

    @PostMapping("/nouvelle")
    String create(@Validated @ModelAttribute("form") ListForm form, BindingResult errors, RedirectAttributes redirect,
            HttpServletResponse response) {
        checkSchedule(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "alerts/newsletter/admin/list-form";
        }
        long id = newsletters.createList(form.toDraft());
        audit.record("newsletter.list-created", "newsletter-list:" + id, form.getNameFr());
        redirect.addFlashAttribute("saved", "newsletters.admin.list.saved");
        return "redirect:/admin/lettres/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        NewsletterList list = newsletters.findList(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", ListForm.of(list));
        return listPage(list, model);
    }

    private String listPage(NewsletterList list, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("issues", newsletters.issues(list.id()));
        model.addAttribute("subscribers", newsletters.subscribers(list.id()));
        return "alerts/newsletter/admin/list";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") ListForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        NewsletterList list = newsletters.findList(id).orElseThrow(NotFoundException::new);
        checkSchedule(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(list, model);
        }
        newsletters.updateList(id, form.toDraft());
        audit.record("newsletter.list-updated", "newsletter-list:" + id, form.getNameFr());
        redirect.addFlashAttribute("saved", "newsletters.admin.list.saved");
        return "redirect:/admin/lettres/" + id;
    }

    @PostMapping("/{id}/numeros")
    String createIssue(@PathVariable long id, RedirectAttributes redirect) {
        newsletters.findList(id).orElseThrow(NotFoundException::new);
        long issue = newsletters.createIssue(id, SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        audit.record("newsletter.issue-created", "newsletter-issue:" + issue, null);
        redirect.addFlashAttribute("saved", "newsletters.admin.issue.created");
        return "redirect:/admin/lettres/numeros/" + issue;
    }

    @GetMapping("/numeros/{id}")
    String issue(@PathVariable long id, Model model) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        model.addAttribute("issue", issue);
        model.addAttribute("list", newsletters.findList(issue.listId()).orElseThrow());
        model.addAttribute("subscribers", newsletters.subscribers(issue.listId()));
        model.addAttribute("progress", newsletters.progress(id).orElse(null));
        return "alerts/newsletter/admin/issue";
    }

    /** The progress of the send, alone: what htmx fetches every few seconds. */
    @GetMapping("/numeros/{id}/progression")
    String progress(@PathVariable long id, Model model) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        model.addAttribute("issue", issue);
        model.addAttribute("progress", newsletters.progress(id).orElse(null));
        return "alerts/newsletter/admin/issue :: progress";
    }

    @PostMapping("/numeros/{id}")
    String edit(@PathVariable long id, @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "intro", required = false) String intro,
            @RequestParam(name = "items", required = false) List<Long> items, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        boolean badTitle = title == null || title.isBlank() || title.length() > 200;
        boolean badIntro = intro != null && intro.length() > 10000;
        if (badTitle || badIntro) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("titleError", badTitle);
            model.addAttribute("introError", badIntro);
            model.addAttribute("typedTitle", title);
            model.addAttribute("typedIntro", intro);
            return issue(id, model);
        }
        if (!newsletters.edit(id, title.strip(), intro == null ? "" : intro.strip(),
                new LinkedHashSet<>(items == null ? List.of() : items))) {
            redirect.addFlashAttribute("refused", "newsletters.admin.issue.not-a-draft");
        } else {
            audit.record("newsletter.issue-edited", "newsletter-issue:" + id, title);
            redirect.addFlashAttribute("saved", "newsletters.admin.issue.saved");
        }
        return "redirect:/admin/lettres/numeros/" + issue.id();
    }

    @GetMapping(value = "/numeros/{id}/apercu", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> preview(@PathVariable long id) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        var mail = newsletters.preview(issue);
        return ResponseEntity.ok().header("Content-Security-Policy", PREVIEW_POLICY)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(mail.html("#", "#"));
    }

    @GetMapping(value = "/numeros/{id}/apercu.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> previewText(@PathVariable long id) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        var mail = newsletters.preview(issue);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(mail.subject() + "\n\n" + mail.text("…", "…"));
    }

    @PostMapping("/numeros/{id}/essai")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        Issue issue = newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        String address = SignedInUser.current().flatMap(u -> accounts.find(u.accountId())).map(AccountSummary::email)
                .orElse(null);
        if (newsletters.sendTest(issue, address)) {
            audit.record("newsletter.issue-tested", "newsletter-issue:" + id, null);
            redirect.addFlashAttribute("saved", "newsletters.admin.issue.tested");
        } else {
            redirect.addFlashAttribute("refused", "newsletters.admin.issue.test-failed");
        }
        return "redirect:/admin/lettres/numeros/" + id;
    }

    @PostMapping("/numeros/{id}/envoi")
    String send(@PathVariable long id, @RequestParam(name = "quand", required = false) String when,
            RedirectAttributes redirect) {
        newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        Instant at = null;
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when).atZone(CommuneTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                redirect.addFlashAttribute("refused", "admin.alerts.send.bad-time");
                return "redirect:/admin/lettres/numeros/" + id;
            }
        }
        SendOutcome outcome = newsletters.send(id, at);
        if (outcome == SendOutcome.NO_RECIPIENT) {
            redirect.addFlashAttribute("refused", "newsletters.admin.issue.no-recipient");
        } else if (outcome == SendOutcome.NOT_A_DRAFT) {
            redirect.addFlashAttribute("refused", "newsletters.admin.issue.not-a-draft");
        } else {
            audit.record("newsletter.issue-sent", "newsletter-issue:" + id, at == null ? "now" : at.toString());
            redirect.addFlashAttribute("saved", at == null ? "admin.alerts.sending" : "admin.alerts.scheduled");
        }
        return "redirect:/admin/lettres/numeros/" + id;
    }

    @PostMapping("/numeros/{id}/annulation")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        newsletters.findIssue(id).orElseThrow(NotFoundException::new);
        if (newsletters.cancel(id)) {
            audit.record("newsletter.issue-cancelled", "newsletter-issue:" + id, null);
            redirect.addFlashAttribute("saved", "newsletters.admin.issue.cancelled");
        } else {
            redirect.addFlashAttribute("refused", "newsletters.admin.issue.not-scheduled");
        }
        return "redirect:/admin/lettres/numeros/" + id;
    }

    private static void checkSchedule(ListForm form, BindingResult errors) {
        if ((form.getWeeklyDay() == null) != (form.getWeeklyHour() == null) && !errors.hasFieldErrors("weeklyDay")
                && !errors.hasFieldErrors("weeklyHour")) {
            errors.rejectValue(form.getWeeklyDay() == null ? "weeklyDay" : "weeklyHour", "newsletters.schedule.both");
        }
    }
}
