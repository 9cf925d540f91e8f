package org.beffroi.payments.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.Payments;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What providers send back, through {@link Payments#record}: the browser's return (GET, then 303 to the payment's
 * page, which tells the outcome; a result that is not genuine gets a page saying so, 400) and the server-to-server
 * notification (POST, form-encoded, without CSRF token: {@code PaymentsModule.pathsWithoutCsrf}; {@code 200 OK} for
 * a genuine result, {@code 400} otherwise; no session, no redirect; limited per address). Both may come in any order
 * and any number of times: the payment is confirmed once.
 */
@Controller
class ProviderResultsController {

    private final Payments payments;
    private final List<PaymentProvider> providers;
    private final RateLimits limits;
    private final int notificationsPerMinute;

    ProviderResultsController(Payments payments, List<PaymentProvider> providers, RateLimits limits,
            @Value("${beffroi.payments.notifications-per-minute:600}") int notificationsPerMinute) {
        this.payments = payments;
        this.providers = List.copyOf(providers);
        this.limits = limits;
        this.notificationsPerMinute = notificationsPerMinute;
    }

    @GetMapping(PaymentAddresses.RETURN + "{provider}")
    ModelAndView browserReturn(@PathVariable String provider,
            @RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response) {
        var known = provider(provider).orElseThrow(NotFoundException::new);
        Map<String, String> result = parameters.toSingleValueMap();
        var outcome = payments.record(known.id(), result);
        if (genuine(outcome)) {
            var page = payments.pagePath(known.verify(result).reference());
            if (page.isPresent()) {
                var redirect = new RedirectView(page.get(), true);
                redirect.setStatusCode(HttpStatus.SEE_OTHER);
                redirect.setExposeModelAttributes(false);
                return new ModelAndView(redirect);
            }
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return new ModelAndView("payments/result-refused", Map.of("outcome", outcome), HttpStatus.BAD_REQUEST);
    }

    @PostMapping(path = PaymentAddresses.NOTIFICATION + "{provider}", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> notification(@PathVariable String provider,
            @RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
        if (!limits.tryConsume("payments-notification:" + request.getRemoteAddr(), notificationsPerMinute,
                Duration.ofMinutes(1))) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body("TOO MANY\n");
        }
        var known = provider(provider);
        if (known.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("UNKNOWN PROVIDER\n");
        }
        var outcome = payments.record(known.get().id(), parameters.toSingleValueMap());
        return genuine(outcome) ? ResponseEntity.ok("OK") : ResponseEntity.badRequest().body("REFUSED\n");
    }

    /** A genuine result for a payment of ours: it confirmed, refused, or found the payment already handled. */
    private static boolean genuine(NotificationOutcome outcome) {
        return switch (outcome) {
            case CONFIRMED, ALREADY_PAID, REFUSED, IGNORED -> true;
            case INVALID, UNKNOWN_REFERENCE, WRONG_AMOUNT -> false;
        };
    }

    private Optional<PaymentProvider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
