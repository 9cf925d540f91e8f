package org.beffroi.reports.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.Commune;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;
import org.beffroi.reports.internal.CategoryQuestions;
import org.beffroi.reports.internal.Report;
import org.beffroi.reports.internal.ReportArea;
import org.beffroi.reports.internal.ReportDesk;
import org.beffroi.reports.internal.ReportStatus;
import org.beffroi.reports.internal.ReportStore;
import org.beffroi.reports.internal.ReportViews;
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
 * The residents' side: the public list of reports, a report's page with its public history, filing a report (the
 * possible duplicates offered first), supporting one, and the mailed link that confirms an address.
 */
@Controller
@RequiredArgsConstructor
class ReportController {

    static final int PAGE_SIZE = 30;

    private final Categories categories;
    private final CategoryQuestions questions;
    private final ReportStore store;
    private final ReportDesk desk;
    private final ReportArea area;
    private final ReportViews views;
    private final Commune commune;
    private final Neighbourhoods neighbourhoods;
    private final Accounts accounts;
    private final RateLimits limits;
    private final Clock clock;
    @Value("${beffroi.reports.duplicate-radius-metres:50}")
    private final double duplicateRadius;
    @Value("${beffroi.reports.per-address-per-hour:10}")
    private final int perAddress;
    @Value("${beffroi.reports.per-email-per-hour:5}")
    private final int perEmail;

    /** The public list's filters, as typed in the address; anything unreadable is no filter. */
    record Criteria(String categorie, String statut, String quartier) {

        ReportStore.Filter filter() {
            return new ReportStore.Filter(number(categorie), status(statut), number(quartier), null, false, false, null);
        }

        String query() {
            var query = new StringBuilder();
            if (number(categorie) != null) {
                query.append("categorie=").append(number(categorie)).append('&');
            }
            if (status(statut) != null) {
                query.append("statut=").append(status(statut).name()).append('&');
            }
            if (number(quartier) != null) {
                query.append("quartier=").append(number(quartier)).append('&');
            }
            return query.toString();
        }
    }

    static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ReportStatus status(String text) {
        try {
            return text == null || text.isBlank() ? null : ReportStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/signalements")
    String list(@RequestParam(required = false) String categorie, @RequestParam(required = false) String statut,
            @RequestParam(required = false) String quartier, @RequestParam(defaultValue = "0") int page, Model model) {
        var criteria = new Criteria(categorie, statut, quartier);
        int from = Math.max(0, page);
        var reports = store.list(criteria.filter(), clock.instant(), PAGE_SIZE + 1, from * PAGE_SIZE);
        model.addAttribute("filter", criteria.filter());
        model.addAttribute("query", criteria.query());
        model.addAttribute("lines", views.lines(reports.stream().limit(PAGE_SIZE).toList()));
        model.addAttribute("page", from);
        model.addAttribute("hasNext", reports.size() > PAGE_SIZE);
        model.addAttribute("categories", categories.all());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        return "reports/list";
    }

    @GetMapping("/signalements/{id}")
    String report(@PathVariable String id, Model model) {
        model.addAttribute("supportForm", new SupportForm());
        return page(publicReport(id), model);
    }

    @GetMapping("/signalements/nouveau")
    String blank(Model model) {
        var form = new ReportForm();
        model.addAttribute("form", form);
        return form(model);
    }

    @PostMapping("/signalements/nouveau")
    String file(@Validated @ModelAttribute("form") ReportForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var user = SignedInUser.current();
        Optional<Category> category = form.getCategoryId() == null ? Optional.empty()
                : categories.find(form.getCategoryId()).filter(Category::active);
        if (form.getCategoryId() != null && category.isEmpty()) {
            errors.rejectValue("categoryId", "reports.form.category.unknown");
        }
        category.ifPresent(c -> questions.problems(c.id(), form.answersByQuestion())
                .forEach((question, problem) -> errors.rejectValue("answers[" + question + "]", problem.messageKey(),
                        new Object[] {CategoryQuestions.MAX_ANSWER}, null)));
        String street = place(form, errors);
        var person = person(form, user, errors);
        if (form.chosenPhotos().size() > ReportForm.MAX_PHOTOS) {
            errors.rejectValue("photos", "reports.form.photos.too-many", new Object[] {ReportForm.MAX_PHOTOS}, null);
        }
        if (errors.hasErrors()) {
            return form(model);
        }
        if (!form.isDifferentFromOthers()) {
            var others = form.getLatitude() != null
                    ? store.openNear(category.orElseThrow().id(), form.getLatitude(), form.getLongitude(), duplicateRadius)
                    : store.openOnStreet(category.orElseThrow().id(), street);
            if (!others.isEmpty()) {
                model.addAttribute("duplicates", views.lines(others));
                model.addAttribute("supportForm", new SupportForm());
                return form(model);
            }
        }
        if (!limits.tryConsume("reports-filing:" + request.getRemoteAddr(), perAddress, Duration.ofHours(1))
                || !limits.tryConsume("reports-filing-email:" + person.email().strip().toLowerCase(Locale.ROOT),
                        perEmail, Duration.ofHours(1))) {
            errors.reject("reports.form.rate-limited");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model);
        }
        long id;
        try {
            id = desk.file(new ReportDesk.Filing(category.orElseThrow().id(), form.getLatitude(), form.getLongitude(),
                    street, street == null ? null : form.getStreetNumber(), form.getDescription(),
                    form.chosenPhotos(), person, form.isShowName(), form.answersByQuestion()));
        } catch (ReportDesk.PhotoRefused e) {
            errors.rejectValue("photos", e.messageKey(), e.arguments(), null);
            return form(model);
        }
        if (person.accountId() != null) {
            redirect.addFlashAttribute("saved", "reports.filed.flash");
            return "redirect:/signalements/" + id;
        }
        return "redirect:/signalements/envoye";
    }

    @GetMapping("/signalements/envoye")
    String sent() {
        return "reports/sent";
    }

    @PostMapping("/signalements/{id}/soutien")
    String support(@PathVariable String id, @Validated @ModelAttribute("supportForm") SupportForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var report = publicReport(id);
        var user = SignedInUser.current();
        if (user.isEmpty() && (form.getEmail() == null || form.getEmail().isBlank()) && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "reports.form.email.missing");
        }
        if (errors.hasErrors()) {
            return page(report, model);
        }
        var person = user.map(u -> new ReportDesk.Person(u.accountId(), accountEmail(u), u.displayName()))
                .orElseGet(() -> new ReportDesk.Person(null, form.getEmail().strip(), null));
        var outcome = desk.support(report.id(), person);
        redirect.addFlashAttribute("saved", "reports.support." + outcome.name().toLowerCase(Locale.ROOT));
        return "redirect:/signalements/" + report.id();
    }

    /** The mailed link: a page with a button, so that a mail scanner following links confirms nothing. */
    @GetMapping("/signalements/confirmation")
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "reports/confirm";
    }

    @PostMapping("/signalements/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, RedirectAttributes redirect) {
        long id = desk.confirm(token).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("saved", "reports.confirmed");
        return "redirect:/signalements/" + id;
    }

    private Report publicReport(String id) {
        Long number = number(id);
        return number == null ? null : store.findPublic(number).orElseThrow(NotFoundException::new);
    }

    private String page(Report report, Model model) {
        if (report == null) {
            throw new NotFoundException();
        }
        model.addAttribute("line", views.line(report));
        model.addAttribute("history", store.history(report.id(), true));
        model.addAttribute("photos", store.photos(report.id()));
        model.addAttribute("followers", store.followerCount(report.id()));
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        return "reports/report";
    }

    /** The questions one category asks, under its name on the form. */
    record QuestionSet(long categoryId, String category, List<CategoryQuestions.Question> questions) {
    }

    private String form(Model model) {
        var active = categories.active();
        model.addAttribute("categories", active);
        var asked = questions.askedByCategory();
        model.addAttribute("questions", active.stream().filter(c -> asked.containsKey(c.id()))
                .map(c -> new QuestionSet(c.id(), c.name(), asked.get(c.id()))).toList());
        model.addAttribute("streets", commune.streets());
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        model.addAttribute("maxPhotos", ReportForm.MAX_PHOTOS);
        model.addAttribute("maxDescription", ReportForm.MAX_DESCRIPTION);
        return "reports/new";
    }

    /**
     * The report's place: a point inside the commune's area (both coordinates), or else a street of the commune's
     * list (answered as the list writes it). Errors go next to the fields.
     */
    private String place(ReportForm form, BindingResult errors) {
        if (errors.hasFieldErrors("latitude") || errors.hasFieldErrors("longitude")) {
            return null;
        }
        Double latitude = form.getLatitude();
        Double longitude = form.getLongitude();
        if (latitude != null || longitude != null) {
            if (latitude == null || longitude == null || !Double.isFinite(latitude) || !Double.isFinite(longitude)
                    || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                errors.rejectValue(latitude == null || !Double.isFinite(latitude) || Math.abs(latitude) > 90
                        ? "latitude" : "longitude", "reports.form.point.invalid");
                return null;
            }
            if (!area.holds(latitude, longitude)) {
                errors.rejectValue("latitude", "reports.form.point.outside");
            }
            return null;
        }
        String typed = form.getStreet() == null ? "" : form.getStreet().strip();
        if (typed.isEmpty()) {
            errors.rejectValue("street", "reports.form.place.missing");
            return null;
        }
        List<String> streets = commune.streets();
        var known = streets.stream().filter(s -> s.equalsIgnoreCase(typed)).findFirst();
        if (known.isEmpty()) {
            errors.rejectValue("street", "reports.form.street.unknown");
            return null;
        }
        return known.get();
    }

    private ReportDesk.Person person(ReportForm form, Optional<SignedInUser> user, BindingResult errors) {
        if (user.isPresent()) {
            var u = user.get();
            return new ReportDesk.Person(u.accountId(), accountEmail(u), u.displayName());
        }
        if ((form.getEmail() == null || form.getEmail().isBlank()) && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "reports.form.email.missing");
        }
        if (form.isShowName() && (form.getName() == null || form.getName().isBlank()) && !errors.hasFieldErrors("name")) {
            errors.rejectValue("name", "reports.form.name.missing");
        }
        return new ReportDesk.Person(null, form.getEmail() == null ? "" : form.getEmail().strip(), form.getName());
    }

    private String accountEmail(SignedInUser user) {
        return accounts.find(user.accountId()).map(a -> a.email()).orElseThrow();
    }
}
