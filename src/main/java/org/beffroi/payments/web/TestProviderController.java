package org.beffroi.payments.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;

import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The test provider's own page ({@code /paiements/test/{token}}), while it is enabled (else 404): the amount and two
 * buttons, "pay" and "refuse". Each sends the browser to the return address with a signed result and, from the
 * server, posts the same result to the notification address, without waiting, so that the two race as with a real
 * provider. Both addresses are the ones Beffroi builds from its public address ({@link PaymentAddresses}), never
 * one a request gives.
 */
@Slf4j
@Controller
class TestProviderController {

    private final ObjectProvider<TestPaymentProvider> provider;
    private final Payments payments;
    private final PaymentAddresses addresses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TestProviderController(ObjectProvider<TestPaymentProvider> provider, Payments payments,
            PaymentAddresses addresses) {
        this.provider = provider;
        this.payments = payments;
        this.addresses = addresses;
    }

    @GetMapping(TestPaymentProvider.PAGE_PREFIX + "{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        var payment = pending(token);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        model.addAttribute("view", PaymentView.of(payment));
        return "payments/test-provider";
    }

    @PostMapping(TestPaymentProvider.PAGE_PREFIX + "{token}/payer")
    ResponseEntity<Void> pay(@PathVariable String token) {
        return answer(pending(token), Outcome.PAID);
    }

    @PostMapping(TestPaymentProvider.PAGE_PREFIX + "{token}/refuser")
    ResponseEntity<Void> refuse(@PathVariable String token) {
        return answer(pending(token), Outcome.REFUSED);
    }

    private ResponseEntity<Void> answer(Payment payment, Outcome outcome) {
        var result = enabled().result(payment.reference(), payment.amountCents(), outcome);
        notify(result);
        var back = UriComponentsBuilder.fromUri(addresses.browserReturn(TestPaymentProvider.ID));
        result.forEach(back::queryParam);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back.encode().build().toUri()).build();
    }

    /** Posts the result to the notification address, as the provider's server would; its failure is only logged. */
    private void notify(Map<String, String> result) {
        String body = result.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI address = addresses.notification(TestPaymentProvider.ID);
        var request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure != null) {
                log.warn("the test provider's notification to {} failed: {}", address, failure.toString());
            } else if (answer.statusCode() != 200) {
                log.warn("the test provider's notification to {} answered {}", address, answer.statusCode());
            }
        });
    }

    /** A pending payment of the test provider's, while it is enabled; 404 otherwise. */
    private Payment pending(String token) {
        enabled();
        return payments.findByPageToken(token)
                .filter(p -> p.provider().equals(TestPaymentProvider.ID) && p.status() == Payment.Status.PENDING)
                .orElseThrow(NotFoundException::new);
    }

    private TestPaymentProvider enabled() {
        var test = provider.getIfAvailable();
        if (test == null) {
            throw new NotFoundException();
        }
        return test;
    }
}
