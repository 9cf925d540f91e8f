package org.beffroi.alerts.web;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.beffroi.alerts.internal.Issue;
import org.beffroi.alerts.internal.NewsletterList;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.Subscription;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.RichText;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Newsletters on the site: the lists and the subscribe form (e-mail, double opt-in by the alerts' mailed
 * link), the preferences reached by the signed link of every issue, and the archive of sent issues. The
 * unsubscribe is the alerts' one ({@code /alertes/desabonnement}, RFC 8058 one-click).
 */
@Controller
class NewsletterController {

    private static final int SUBSCRIPTIONS_PER_HOUR = 10;

    private final Newsletters newsletters;
    private final Subscriptions subscriptions;
    private final RateLimits limits;
    private final Accounts accounts;

    NewsletterController(Newsletters newsletters, Subscriptions subscriptions, RateLimits limits, Accounts accounts) {
        this.accounts = accounts;
        this.newsletters = newsletters;
        this.subscriptions = subscriptions;
        this.limits = limits;
    }

    /** What a resident types: an address and the lists. */
    public static class NewsletterForm {
        private String email;
        private List<Long> listIds = new java.util.ArrayList<>();

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public List<Long> getListIds() { return listIds; }
        public void setListIds(List<Long> listIds) { this.listIds = listIds; }
    }

    @GetMapping("/lettres")
    String lists(Model model) {
        var form = new NewsletterForm();
        form.setEmail(AlertsController.signedInAddress(accounts));
        model.addAttribute("form", form);
        return listsPage(model);
    }

    private String listsPage(Model model) {
        model.addAttribute("lists", newsletters.activeLists());
        return "alerts/newsletter/lists";
    }

    @PostMapping("/lettres")
    String subscribe(@ModelAttribute("form") NewsletterForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        String address = AlertsController.email(form.getEmail());
        if (address == null) {
            errors.rejectValue("email", "alerts.email.invalid");
        }
        Set<Long> chosen = chosen(form.getListIds());
        if (chosen.isEmpty()) {
            errors.rejectValue("listIds", "newsletters.lists.required");
        }
        if (!errors.hasErrors() && !limits.tryConsume("alerts-subscription:" + request.getRemoteAddr(),
                SUBSCRIPTIONS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            return listsPage(model);
        }
        subscriptions.subscribeToLists(address, chosen, SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        redirect.addFlashAttribute("saved", "alerts.subscribe.check-mail");
        return "redirect:/lettres";
    }

    @GetMapping("/lettres/preferences")
    String preferences(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        if (subscription.isEmpty()) {
            return invalid(model, response);
        }
        return preferencesPage(token, subscription.get(), subscriptions.lists(subscription.get().id()), model);
    }

    private String preferencesPage(String token, Subscription subscription, Set<Long> chosen, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("subscription", subscription);
        model.addAttribute("chosen", chosen);
        model.addAttribute("lists", newsletters.activeLists());
        return "alerts/newsletter/preferences";
    }

    @PostMapping("/lettres/preferences")
    String changePreferences(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "listIds", required = false) List<Long> listIds, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        if (subscription.isEmpty()) {
            return invalid(model, response);
        }
        Set<Long> chosen = chosen(listIds);
        if (chosen.isEmpty() && subscription.get().topicIds().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("listsError", true);
            return preferencesPage(token, subscription.get(), chosen, model);
        }
        subscriptions.changeLists(subscription.get().id(), chosen);
        redirect.addFlashAttribute("saved", "alerts.preferences.saved");
        redirect.addAttribute("jeton", token);
        return "redirect:/lettres/preferences";
    }

    /** The archive of a list: its sent issues. */
    @GetMapping("/lettres/{id}")
    String archive(@PathVariable long id, Model model) {
        NewsletterList list = newsletters.findList(id).orElseThrow(NotFoundException::new);
        model.addAttribute("list", list);
        model.addAttribute("issues", newsletters.sent(id));
        return "alerts/newsletter/archive";
    }

    @GetMapping("/lettres/{id}/numeros/{issueId}")
    String issue(@PathVariable long id, @PathVariable long issueId, Model model) {
        Issue issue = newsletters.findIssue(issueId).filter(i -> i.listId() == id && i.status() == Issue.Status.SENT)
                .orElseThrow(NotFoundException::new);
        model.addAttribute("list", newsletters.findList(id).orElseThrow(NotFoundException::new));
        model.addAttribute("issue", issue);
        model.addAttribute("intro", RichText.toHtml(issue.intro()));
        return "alerts/newsletter/issue";
    }

    private Set<Long> chosen(List<Long> ids) {
        var active = newsletters.activeLists().stream().map(NewsletterList::id).toList();
        var chosen = new LinkedHashSet<Long>();
        if (ids != null) {
            ids.stream().filter(active::contains).forEach(chosen::add);
        }
        return chosen;
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalid", true);
        return "alerts/link-invalid";
    }
}
