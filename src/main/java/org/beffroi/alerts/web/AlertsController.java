package org.beffroi.alerts.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.beffroi.alerts.internal.Alert;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.CapFeed;
import org.beffroi.alerts.internal.Channel;
import org.beffroi.alerts.internal.Geography;
import org.beffroi.alerts.internal.NewsletterList;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.PhoneNumbers;
import org.beffroi.alerts.internal.SmsProvider;
import org.beffroi.alerts.internal.Subscription;
import org.beffroi.alerts.internal.Subscriptions;
import org.beffroi.alerts.internal.Subscriptions.Confirmation;
import org.beffroi.alerts.internal.Topic;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.alerts.internal.WebPush;
import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.Feed;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public side: alerts in progress and past, subscribing without an account (double opt-in), the
 * preferences and the unsubscribe reached by the signed link of every mail. Links from mail open a page
 * with a button, so that a mail scanner following links changes nothing; the one-click unsubscribe of
 * RFC 8058 is the POST a mail client sends on its own.
 */
@Controller
class AlertsController {

    private static final Logger log = LoggerFactory.getLogger(AlertsController.class);
    private static final int SUBSCRIPTIONS_PER_HOUR = 10;

    private final AlertDesk desk;
    private final Subscriptions subscriptions;
    private final Topics topics;
    private final Neighbourhoods neighbourhoods;
    private final Geography geography;
    private final RateLimits limits;
    private final MessageSource messages;
    private final WebPush webPush;
    private final Newsletters newsletters;
    private final Accounts accounts;

    AlertsController(AlertDesk desk, Subscriptions subscriptions, Topics topics, Neighbourhoods neighbourhoods,
            Geography geography, RateLimits limits, MessageSource messages, WebPush webPush, Newsletters newsletters,
            Accounts accounts) {
        this.accounts = accounts;
        this.newsletters = newsletters;
        this.messages = messages;
        this.webPush = webPush;
        this.desk = desk;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.neighbourhoods = neighbourhoods;
        this.geography = geography;
        this.limits = limits;
    }

    @GetMapping("/alertes")
    String list(Model model) {
        model.addAttribute("active", desk.active());
        model.addAttribute("archive", desk.published(100));
        model.addAttribute("topicNames", topicNames());
        model.addAttribute("feeds", capFeeds());
        return "alerts/list";
    }

    @GetMapping("/alertes/{id}")
    String show(@PathVariable long id, Model model) {
        Alert alert = desk.find(id).filter(a -> a.publishedAt() != null).orElseThrow(NotFoundException::new);
        model.addAttribute("alert", alert);
        model.addAttribute("topic", topics.find(alert.topicId()).orElseThrow());
        model.addAttribute("areaNeighbourhoods", alert.area().neighbourhoodIds().stream().map(neighbourhoods::find)
                .flatMap(Optional::stream).toList());
        model.addAttribute("feeds", capFeeds());
        return "alerts/alert";
    }

    @GetMapping("/alertes/abonnement")
    String subscribeForm(Model model) {
        var form = new SubscriptionForm();
        form.setEmail(signedInAddress(accounts));
        model.addAttribute("form", form);
        return subscribePage(model);
    }

    /** The address of the resident signed in, offered on the subscribe forms; null for a visitor or an account without one. */
    static String signedInAddress(Accounts accounts) {
        return SignedInUser.current().flatMap(user -> accounts.find(user.accountId())).map(AccountSummary::email)
                .orElse(null);
    }

    private String subscribePage(Model model) {
        model.addAttribute("topics", topics.active());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("areaKinds", Area.Kind.values());
        model.addAttribute("pushKey", webPush.publicKey());
        return "alerts/subscribe";
    }

    @PostMapping("/alertes/abonnement")
    String subscribe(@ModelAttribute("form") SubscriptionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        String address = null;
        if (form.getChannel() == null) {
            errors.rejectValue("channel", "alerts.channel.required");
        } else if (form.getChannel() == Channel.EMAIL) {
            address = email(form.getEmail());
            if (address == null) {
                errors.rejectValue("email", "alerts.email.invalid");
            }
        } else if (form.getChannel() == Channel.PUSH) {
            // Web Push: the browser's subscription, checked; confirmed by the browser's own permission prompt
            var problem = webPush.check(new WebPush.Endpoint(form.getEndpoint(), form.getP256dh(), form.getAuth()));
            problem.ifPresent(p -> errors.rejectValue("channel", "alerts.push.problem." + p.name().toLowerCase(Locale.ROOT)));
            address = problem.isPresent() ? null : form.getEndpoint();
        } else {
            address = PhoneNumbers.frenchMobile(form.getPhone()).orElse(null);
            if (address == null) {
                errors.rejectValue("phone", "alerts.phone.invalid");
            }
        }
        Set<Long> chosen = chosenTopics(form.getTopicIds());
        if (chosen.isEmpty()) {
            errors.rejectValue("topicIds", "alerts.topics.required");
        }
        Area area = errors.hasFieldErrors("latitude") || errors.hasFieldErrors("longitude")
                || errors.hasFieldErrors("radiusMetres") ? null : form.toArea(errors, neighbourhoods, geography);
        if (!errors.hasErrors() && !limits.tryConsume("alerts-subscription:" + request.getRemoteAddr(),
                SUBSCRIPTIONS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            return subscribePage(model);
        }
        Long accountId = SignedInUser.current().map(SignedInUser::accountId).orElse(null);
        if (form.getChannel() == Channel.PUSH) {
            long id = webPush.subscribe(new WebPush.Endpoint(form.getEndpoint(), form.getP256dh(), form.getAuth()),
                    chosen, area, accountId);
            redirect.addFlashAttribute("saved", "alerts.push.subscribed");
            redirect.addAttribute("jeton", subscriptions.signedLink(id));
            return "redirect:/alertes/preferences";
        }
        String token;
        try {
            token = subscriptions.subscribe(form.getChannel(), address, chosen, area, accountId);
        } catch (SmsProvider.NotSentException e) {
            // the SMS gateway did not take the code: nothing is kept, the form comes back to try again
            log.warn("SMS subscription code not sent: {}", e.toString());
            errors.rejectValue("phone", "alerts.sms.unavailable");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return subscribePage(model);
        }
        if (form.getChannel() == Channel.SMS) {
            return "redirect:/alertes/code?jeton=" + token;
        }
        redirect.addFlashAttribute("saved", "alerts.subscribe.check-mail");
        return "redirect:/alertes";
    }

    /** The page of the mailed link; a newsletter's subscription (lists, no topic) is spoken of as such. */
    @GetMapping("/alertes/confirmation")
    String confirmPage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var pending = subscriptions.pending(token).filter(s -> s.channel() == Channel.EMAIL);
        if (pending.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        return confirmationPage(pending.get(), model);
    }

    @PostMapping("/alertes/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var pending = subscriptions.pending(token);
        if (pending.isEmpty() || subscriptions.confirmEmail(token) != Confirmation.CONFIRMED) {
            return invalid(model, response);
        }
        model.addAttribute("confirmed", true);
        return confirmationPage(pending.get(), model);
    }

    private static String confirmationPage(Subscription subscription, Model model) {
        model.addAttribute("newsletter", subscription.topicIds().isEmpty());
        return "alerts/confirm";
    }

    @GetMapping("/alertes/code")
    String codePage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        if (subscriptions.pending(token).filter(s -> s.channel() == Channel.SMS).isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        return "alerts/code";
    }

    @PostMapping("/alertes/code")
    String confirmCode(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "code", required = false) String code, Model model, HttpServletResponse response) {
        var outcome = subscriptions.confirmSms(token, code);
        if (outcome == Confirmation.INVALID) {
            return invalid(model, response);
        }
        if (outcome == Confirmation.WRONG_CODE) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("wrongCode", true);
            return "alerts/code";
        }
        model.addAttribute("confirmed", true);
        return "alerts/confirm";
    }

    /** The page of the unsubscribe link; a newsletter's link names its list ({@code liste}), which alone is left. */
    @GetMapping("/alertes/desabonnement")
    String unsubscribePage(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "liste", required = false) Long listId, Model model, HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        var list = subscription.flatMap(s -> heldList(s, listId));
        if (subscription.isEmpty() || (listId != null && list.isEmpty())) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("subscription", subscription.get());
        model.addAttribute("list", list.orElse(null));
        return "alerts/unsubscribe";
    }

    /** The button of the page, and the one-click POST of RFC 8058 (body "List-Unsubscribe=One-Click"). */
    @PostMapping("/alertes/desabonnement")
    String unsubscribe(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "liste", required = false) Long listId, Model model, HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        if (subscription.isPresent() && listId != null) {
            var list = heldList(subscription.get(), listId);
            if (list.isEmpty() || subscriptions.leaveList(subscription.get().id(), listId) == Subscriptions.LeftList.NOT_HELD) {
                return invalid(model, response);
            }
            model.addAttribute("leftList", list.get());
            model.addAttribute("unsubscribed", true);
            return "alerts/unsubscribe";
        }
        if (subscription.isEmpty() || !subscriptions.unsubscribe(subscription.get().id())) {
            return invalid(model, response);
        }
        model.addAttribute("unsubscribed", true);
        return "alerts/unsubscribe";
    }

    /** The newsletter list of that id, if the subscription holds it. */
    private Optional<NewsletterList> heldList(Subscription subscription, Long listId) {
        if (listId == null || !subscriptions.lists(subscription.id()).contains(listId)) {
            return Optional.empty();
        }
        return newsletters.findList(listId);
    }

    @GetMapping("/alertes/preferences")
    String preferences(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        if (subscription.isEmpty()) {
            return invalid(model, response);
        }
        return preferencesPage(token, subscription.get(), PreferencesForm.of(subscription.get()), model);
    }

    private String preferencesPage(String token, Subscription subscription, PreferencesForm form, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("subscription", subscription);
        model.addAttribute("form", form);
        model.addAttribute("topics", topics.active());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("areaKinds", Area.Kind.values());
        model.addAttribute("areaNeighbourhoods", subscription.area().neighbourhoodIds().stream().map(neighbourhoods::find)
                .flatMap(Optional::stream).toList());
        return "alerts/preferences";
    }

    /** Changes the topics and the area of the subscription of a signed link; the form comes back with its errors. */
    @PostMapping("/alertes/preferences")
    String changePreferences(@RequestParam(name = "jeton", required = false) String token,
            @ModelAttribute("form") PreferencesForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var subscription = subscriptions.bySignedLink(token);
        if (subscription.isEmpty()) {
            return invalid(model, response);
        }
        Set<Long> chosen = chosenTopics(form.getTopicIds());
        if (chosen.isEmpty()) {
            errors.rejectValue("topicIds", "alerts.topics.required");
        }
        Area area = errors.hasFieldErrors("latitude") || errors.hasFieldErrors("longitude")
                || errors.hasFieldErrors("radiusMetres") ? null : form.toArea(errors, neighbourhoods, geography);
        if (errors.hasErrors()) {
            return preferencesPage(token, subscription.get(), form, model);
        }
        subscriptions.changePreferences(subscription.get().id(), chosen, area);
        redirect.addFlashAttribute("saved", "alerts.preferences.saved");
        redirect.addAttribute("jeton", token);
        return "redirect:/alertes/preferences";
    }

    private Set<Long> chosenTopics(List<Long> ids) {
        var active = topics.active().stream().map(Topic::id).toList();
        var chosen = new LinkedHashSet<Long>();
        if (ids != null) {
            ids.stream().filter(active::contains).forEach(chosen::add);
        }
        return chosen;
    }

    private Map<Long, String> topicNames() {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var names = new HashMap<Long, String>();
        topics.all().forEach(t -> names.put(t.id(), t.name(locale)));
        return names;
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalid", true);
        return "alerts/link-invalid";
    }

    /** A single plain address (no name, no list), lower-cased; null if it is not one. */
    static String email(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 254) {
            return null;
        }
        try {
            var address = new InternetAddress(typed.strip(), true);
            String value = address.getAddress();
            return value.contains("@") && value.indexOf('.', value.indexOf('@')) > 0 && address.getPersonal() == null
                    ? value.toLowerCase(Locale.ROOT) : null;
        } catch (AddressException e) {
            return null;
        }
    }

    /** The Atom feed of the alerts' CAP messages, advertised in the pages' head. */
    private List<Feed> capFeeds() {
        return List.of(new Feed("application/atom+xml", CapFeed.PATH,
                messages.getMessage("alerts.cap.feed", null, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
    }
}
