package org.beffroi.reports.contact.admin;

import jakarta.validation.Valid;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.reports.ReportsModule.HandleContact;
import org.beffroi.reports.contact.internal.ContactDesk;
import org.beffroi.reports.contact.internal.ContactStatus;
import org.beffroi.reports.contact.internal.ContactThread;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' inbox of residents' messages (filters by topic, status, service), a thread's page with its messages, the
 * answer (mailed to the resident), the status, the agent who takes it in hand, and the move to another topic when the
 * resident chose the wrong one. A thread not confirmed yet, or unknown, answers 404.
 */
@Controller
@RequestMapping("/admin/contact")
@HandleContact
@RequiredArgsConstructor
class ContactAdminController {

    static final int PAGE_SIZE = 50;
    /** The inbox's « Pris en charge » filter: the signed-in agent's threads, or those nobody took. */
    static final String MINE = "moi";
    static final String NOBODY = "personne";

    private final ContactDesk desk;
    private final Accounts accounts;

    @GetMapping
    String inbox(@RequestParam(required = false) String sujet, @RequestParam(required = false) String statut,
            @RequestParam(required = false) String service, @RequestParam(required = false) String attribution,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, page);
        String assignment = MINE.equals(attribution) || NOBODY.equals(attribution) ? attribution : null;
        var filter = new ContactDesk.Filter(number(sujet), status(statut), number(service),
                MINE.equals(assignment) ? SignedInUser.current().orElseThrow().accountId() : null,
                NOBODY.equals(assignment));
        var threads = desk.inbox(filter, PAGE_SIZE + 1, from * PAGE_SIZE);
        var shown = threads.stream().limit(PAGE_SIZE).toList();
        model.addAttribute("filter", filter);
        model.addAttribute("assignment", assignment);
        model.addAttribute("threads", shown);
        model.addAttribute("assignees", names(shown.stream().map(ContactThread::assignedAccountId)
                .filter(Objects::nonNull).collect(Collectors.toSet())));
        model.addAttribute("page", from);
        model.addAttribute("hasNext", threads.size() > PAGE_SIZE);
        model.addAttribute("query", (filter.topic() == null ? "" : "sujet=" + filter.topic() + "&")
                + (filter.status() == null ? "" : "statut=" + filter.status().name() + "&")
                + (filter.service() == null ? "" : "service=" + filter.service() + "&")
                + (assignment == null ? "" : "attribution=" + assignment + "&"));
        model.addAttribute("topics", desk.topics());
        model.addAttribute("statuses", ContactStatus.values());
        model.addAttribute("services", accounts.services());
        return "reports/contact/admin/inbox";
    }

    @GetMapping("/{id}")
    String thread(@PathVariable String id, Model model) {
        model.addAttribute("answerForm", new AnswerForm());
        return page(confirmed(id), model);
    }

    @PostMapping("/{id}/reponse")
    String answer(@PathVariable String id, @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var thread = confirmed(id);
        if (errors.hasErrors()) {
            return page(thread, model);
        }
        String address = thread.accountId() != null
                ? accounts.find(thread.accountId()).map(a -> a.email()).orElse(thread.email())
                : thread.email();
        desk.answer(thread.id(), form.getAnswer(), SignedInUser.current().orElseThrow().accountId(), address);
        redirect.addFlashAttribute("saved", "contact.office.answered");
        return "redirect:/admin/contact/" + thread.id();
    }

    @PostMapping("/{id}/statut")
    String status(@PathVariable String id, @RequestParam(required = false) String status, RedirectAttributes redirect) {
        var thread = confirmed(id);
        var chosen = status(status);
        if (chosen == null) {
            throw new NotFoundException();
        }
        desk.setStatus(thread.id(), chosen);
        redirect.addFlashAttribute("saved", "contact.office.status-changed");
        return "redirect:/admin/contact/" + thread.id();
    }

    /** The thread goes to another topic and its service; an unknown topic answers 404, like an unknown thread. */
    @PostMapping("/{id}/sujet")
    String move(@PathVariable String id, @RequestParam(required = false) String topicId,
            RedirectAttributes redirect) {
        var thread = confirmed(id);
        Long number = number(topicId);
        var topic = number == null ? null : desk.topic(number).orElse(null);
        if (topic == null) {
            throw new NotFoundException();
        }
        desk.move(thread.id(), topic);
        redirect.addFlashAttribute("saved", "contact.office.moved");
        return "redirect:/admin/contact/" + thread.id();
    }

    /**
     * The signed-in agent takes the thread in hand ({@code prendre}, from a colleague too), or lets go of it
     * ({@code laisser}, only while it is theirs).
     */
    @PostMapping("/{id}/prise-en-charge")
    String assign(@PathVariable String id, @RequestParam(required = false) String decision,
            RedirectAttributes redirect) {
        var thread = confirmed(id);
        long agent = SignedInUser.current().orElseThrow().accountId();
        if ("prendre".equals(decision)) {
            desk.take(thread.id(), agent);
            redirect.addFlashAttribute("saved", "contact.office.taken");
        } else if ("laisser".equals(decision)) {
            redirect.addFlashAttribute("saved",
                    desk.release(thread.id(), agent) ? "contact.office.released" : "contact.office.taken-meanwhile");
        } else {
            throw new NotFoundException();
        }
        return "redirect:/admin/contact/" + thread.id();
    }

    /** The agents' names by account, for those still there. */
    private Map<Long, String> names(Set<Long> accountIds) {
        var names = new HashMap<Long, String>();
        for (long accountId : accountIds) {
            accounts.find(accountId).ifPresent(a -> names.put(accountId, a.displayName()));
        }
        return names;
    }

    private ContactThread confirmed(String id) {
        Long number = number(id);
        if (number == null) {
            throw new NotFoundException();
        }
        return desk.findConfirmed(number).orElseThrow(NotFoundException::new);
    }

    private String page(ContactThread thread, Model model) {
        model.addAttribute("thread", thread);
        model.addAttribute("messages", desk.messages(thread.id()));
        model.addAttribute("statuses", ContactStatus.values());
        model.addAttribute("topics", desk.topics());
        model.addAttribute("service", thread.serviceId() == null ? null
                : accounts.service(thread.serviceId()).map(s -> s.name()).orElse(null));
        model.addAttribute("accountEmail", thread.accountId() == null ? null
                : accounts.find(thread.accountId()).map(a -> a.email()).orElse(null));
        model.addAttribute("assignee", thread.assignedAccountId() == null ? null
                : accounts.find(thread.assignedAccountId()).map(a -> a.displayName()).orElse(null));
        model.addAttribute("mine", thread.assignedAccountId() != null
                && thread.assignedAccountId() == SignedInUser.current().orElseThrow().accountId());
        return "reports/contact/admin/thread";
    }

    static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ContactStatus status(String text) {
        try {
            return text == null || text.isBlank() ? null : ContactStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
