package org.beffroi.alerts.admin;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.AlertsModule.SendAlerts;
import org.beffroi.alerts.internal.Issue;
import org.beffroi.alerts.internal.NewsletterList;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.Newsletters.SendOutcome;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.AccountSummary;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * Newsletters in the back office: the lists (name, description, weekly schedule), their issues; an issue
 * is assembled, edited (items ticked, free text), previewed, tried on the agent's own address, sent now or
 * at a time, cancelled while scheduled, and its send followed.
 */
@Controller
@RequestMapping("/admin/lettres")
@SendAlerts
@RequiredArgsConstructor
class NewsletterAdminController {

    /** The preview is the mail itself: its inline styles are allowed there, and nothing else. */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "frame-ancestors 'self'; form-action 'none'; base-uri 'none'";

    private final Newsletters newsletters;
    private final Accounts accounts;

    /** The list of the request's address, read once; none elsewhere. */
    @ModelAttribute("list")
    NewsletterList list(@PathVariable(name = "listId", required = false) Long id) {
        return id == null ? null : newsletters.findList(id).orElseThrow(NotFoundException::new);
    }

    /** The issue of the request's address, read once; none elsewhere. */
    @ModelAttribute("issue")
    Issue issue(@PathVariable(name = "issueId", required = false) Long id) {
        return id == null ? null : newsletters.findIssue(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String lists(Model model) {
        var lists = newsletters.lists();
        var counts = new HashMap<Long, Long>();
        lists.forEach(l -> counts.put(l.id(), newsletters.subscribers(l.id())));
        model.addAttribute("lists", lists);
        model.addAttribute("counts", counts);
        return "alerts/newsletter/admin/lists";
    }

    /** A new list has a form of its own; a list's form is on its page, with its issues. */
    @GetMapping({"/nouvelle", "/{listId}"})
    String form(@ModelAttribute(name = "list", binding = false) NewsletterList list, Model model) {
        model.addAttribute("form", list == null ? new ListForm() : ListForm.of(list));
        return page(list, model);
    }

    @PostMapping({"/nouvelle", "/{listId}"})
    String save(@ModelAttribute(name = "list", binding = false) NewsletterList list,
            @Validated @ModelAttribute("form") ListForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.checkSchedule(errors);
        if (errors.hasErrors()) {
            return page(list, model);
        }
        long id;
        if (list == null) {
            id = newsletters.createList(form.toDraft());
        } else {
            id = list.id();
            newsletters.updateList(id, form.toDraft());
        }
        return Flash.saved(redirect, "newsletters.admin.list.saved", "/admin/lettres/" + id);
    }

    @PostMapping("/{listId}/numeros")
    String createIssue(@ModelAttribute(name = "list", binding = false) NewsletterList list,
            RedirectAttributes redirect) {
        long issue = newsletters.createIssue(list.id(),
                SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        return Flash.saved(redirect, "newsletters.admin.issue.created", "/admin/lettres/numeros/" + issue);
    }

    @GetMapping("/numeros/{issueId}")
    String issue(@ModelAttribute(name = "issue", binding = false) Issue issue, Model model) {
        model.addAttribute("form", IssueForm.of(issue));
        return issuePage(issue, model);
    }

    /** The progress of the send, alone: what htmx fetches every few seconds. */
    @GetMapping("/numeros/{issueId}/progression")
    String progress(@ModelAttribute(name = "issue", binding = false) Issue issue, Model model) {
        model.addAttribute("progress", newsletters.progress(issue.id()).orElse(null));
        return "alerts/newsletter/admin/issue :: progress";
    }

    @PostMapping("/numeros/{issueId}")
    String edit(@ModelAttribute(name = "issue", binding = false) Issue issue,
            @Validated @ModelAttribute("form") IssueForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return issuePage(issue, model);
        }
        if (!newsletters.edit(issue.id(), form.getTitle().strip(), form.strippedIntro(), form.includedItems())) {
            return Flash.refused(redirect, "newsletters.admin.issue.not-a-draft", path(issue));
        }
        return Flash.saved(redirect, "newsletters.admin.issue.saved", path(issue));
    }

    @GetMapping(value = "/numeros/{issueId}/apercu", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> preview(@ModelAttribute(name = "issue", binding = false) Issue issue) {
        return ResponseEntity.ok().header("Content-Security-Policy", PREVIEW_POLICY)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(newsletters.preview(issue).html("#", "#"));
    }

    @GetMapping(value = "/numeros/{issueId}/apercu.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> previewText(@ModelAttribute(name = "issue", binding = false) Issue issue) {
        var mail = newsletters.preview(issue);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(mail.subject() + "\n\n" + mail.text("…", "…"));
    }

    @PostMapping("/numeros/{issueId}/essai")
    String test(@ModelAttribute(name = "issue", binding = false) Issue issue, RedirectAttributes redirect) {
        String address = SignedInUser.current().flatMap(u -> accounts.find(u.accountId())).map(AccountSummary::email)
                .orElse(null);
        if (!newsletters.sendTest(issue, address)) {
            return Flash.refused(redirect, "newsletters.admin.issue.test-failed", path(issue));
        }
        return Flash.saved(redirect, "newsletters.admin.issue.tested", path(issue));
    }

    @PostMapping("/numeros/{issueId}/envoi")
    String send(@ModelAttribute(name = "issue", binding = false) Issue issue,
            @RequestParam(name = "quand", required = false) String when, RedirectAttributes redirect) {
        SendTime time = SendTime.of(when);
        if (time.unreadable()) {
            return Flash.refused(redirect, "admin.alerts.send.bad-time", path(issue));
        }
        SendOutcome outcome = newsletters.send(issue.id(), time.at());
        if (outcome == SendOutcome.NO_RECIPIENT) {
            return Flash.refused(redirect, "newsletters.admin.issue.no-recipient", path(issue));
        } else if (outcome == SendOutcome.NOT_A_DRAFT) {
            return Flash.refused(redirect, "newsletters.admin.issue.not-a-draft", path(issue));
        }
        return Flash.saved(redirect, time.acceptedMessage(), path(issue));
    }

    @PostMapping("/numeros/{issueId}/annulation")
    String cancel(@ModelAttribute(name = "issue", binding = false) Issue issue, RedirectAttributes redirect) {
        if (!newsletters.cancel(issue.id())) {
            return Flash.refused(redirect, "newsletters.admin.issue.not-scheduled", path(issue));
        }
        return Flash.saved(redirect, "newsletters.admin.issue.cancelled", path(issue));
    }

    private String page(NewsletterList list, Model model) {
        if (list == null) {
            return "alerts/newsletter/admin/list-form";
        }
        model.addAttribute("issues", newsletters.issues(list.id()));
        model.addAttribute("subscribers", newsletters.subscribers(list.id()));
        return "alerts/newsletter/admin/list";
    }

    private String issuePage(Issue issue, Model model) {
        model.addAttribute("list", newsletters.findList(issue.listId()).orElseThrow());
        model.addAttribute("subscribers", newsletters.subscribers(issue.listId()));
        model.addAttribute("progress", newsletters.progress(issue.id()).orElse(null));
        return "alerts/newsletter/admin/issue";
    }

    private static String path(Issue issue) {
        return "/admin/lettres/numeros/" + issue.id();
    }
}
