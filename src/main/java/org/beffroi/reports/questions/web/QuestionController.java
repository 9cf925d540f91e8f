package org.beffroi.reports.questions.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.beffroi.reports.questions.internal.Commitment;
import org.beffroi.reports.questions.internal.Question;
import org.beffroi.reports.questions.internal.QuestionDesk;
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

/**
 * The residents' side of the questions to elected officials: the published questions, each one's page with its answer
 * and the commitment, the form, and the mailed link's page (a button confirms). An unknown or unpublished question
 * answers 404.
 */
@Controller
@RequiredArgsConstructor
class QuestionController {

    /** The questions awaiting an answer, all on the first page (the oldest past the commitment would not be many). */
    static final int AWAITING_LISTED = 100;
    /** The answered questions on a page of the list. */
    static final int ANSWERED_PAGE = 20;
    /** No pager goes past this page: a page beyond is empty. */
    static final int LAST_PAGE = 500;

    private final QuestionDesk desk;
    private final Commitment commitment;
    private final Accounts accounts;
    private final RateLimits limits;
    @Value("${beffroi.reports.questions.per-address-per-hour:10}")
    private final int perAddress;
    @Value("${beffroi.reports.questions.per-email-per-hour:5}")
    private final int perEmail;

    /** The first page holds those awaiting an answer, then the latest answered; the next pages, older answered ones. */
    @GetMapping("/questions-aux-elus")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.clamp(page, 0, LAST_PAGE);
        var awaiting = shown == 0 ? desk.published(false, AWAITING_LISTED, 0) : List.<Question>of();
        var answered = desk.published(true, ANSWERED_PAGE + 1, shown * ANSWERED_PAGE);
        boolean hasNext = answered.size() > ANSWERED_PAGE && shown < LAST_PAGE;
        answered = answered.stream().limit(ANSWERED_PAGE).toList();
        var all = new ArrayList<Question>(awaiting);
        all.addAll(answered);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("answered", answered);
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", hasNext);
        model.addAttribute("addressees", desk.addressees(all));
        model.addAttribute("commitment", commitment);
        return "reports/questions/list";
    }

    @GetMapping("/questions-aux-elus/{id}")
    String question(@PathVariable String id, Model model) {
        var question = desk.findPublished(number(id)).orElseThrow(NotFoundException::new);
        model.addAttribute("question", question);
        model.addAttribute("addressees", desk.addressees(List.of(question)));
        model.addAttribute("state", commitment.of(question));
        model.addAttribute("days", commitment.days());
        return "reports/questions/question";
    }

    @GetMapping("/questions-aux-elus/poser")
    String blank(Model model) {
        model.addAttribute("questionForm", new QuestionForm());
        return form(model);
    }

    @PostMapping("/questions-aux-elus/poser")
    String ask(@Validated @ModelAttribute("questionForm") QuestionForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var user = SignedInUser.current();
        if (form.getElectedAccountId() != null && !desk.isElectedOfficial(form.getElectedAccountId())) {
            errors.rejectValue("electedAccountId", "questions.form.elected.unknown");
        }
        if (user.isEmpty()) {
            if (blank(form.getEmail()) && !errors.hasFieldErrors("email")) {
                errors.rejectValue("email", "questions.form.email.missing");
            }
            if (form.isShowName() && blank(form.getName()) && !errors.hasFieldErrors("name")) {
                errors.rejectValue("name", "questions.form.name.missing");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model);
        }
        var asker = user.map(u -> new QuestionDesk.Asker(u.accountId(), accountEmail(u), u.displayName(),
                form.isShowName()))
                .orElseGet(() -> new QuestionDesk.Asker(null, form.getEmail().strip(), form.getName(),
                        form.isShowName()));
        if (!limits.tryConsume("questions:" + request.getRemoteAddr(), perAddress, Duration.ofHours(1))
                || !limits.tryConsume("questions-email:" + (asker.email() == null ? "account:" + asker.accountId()
                        : asker.email().toLowerCase(Locale.ROOT)), perEmail, Duration.ofHours(1))) {
            errors.reject("questions.form.rate-limited");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model);
        }
        desk.ask(new QuestionDesk.Asking(form.getElectedAccountId(), form.getSubject(), form.getQuestion(), asker));
        if (asker.accountId() != null) {
            redirect.addFlashAttribute("saved", "questions.sent.flash");
            return "redirect:/questions-aux-elus";
        }
        return "redirect:/questions-aux-elus/envoyee";
    }

    @GetMapping("/questions-aux-elus/envoyee")
    String sent() {
        return "reports/questions/sent";
    }

    /** The mailed link: a button to confirm (a mail scanner following links confirms nothing). */
    @GetMapping("/questions-aux-elus/confirmation")
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        desk.byToken(token).orElseThrow(NotFoundException::new);
        model.addAttribute("token", token);
        return "reports/questions/confirm";
    }

    @PostMapping("/questions-aux-elus/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, RedirectAttributes redirect) {
        desk.confirm(token).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("saved", "questions.confirmed");
        return "redirect:/questions-aux-elus";
    }

    private String form(Model model) {
        model.addAttribute("electedOfficials", desk.electedOfficials());
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        model.addAttribute("maxQuestion", QuestionForm.MAX_QUESTION);
        model.addAttribute("days", commitment.days());
        return "reports/questions/new";
    }

    /** Null for an account that holds no address (ADR 0024): such a person is told nothing by mail. */
    private String accountEmail(SignedInUser user) {
        return accounts.find(user.accountId()).map(a -> a.email()).orElse(null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The id of a path; a malformed one is as unknown as an id that does not exist. */
    static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }
}
