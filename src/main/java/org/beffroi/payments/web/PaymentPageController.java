package org.beffroi.payments.web;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.beffroi.payments.Payment;
import org.beffroi.payments.Payments;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.payments.internal.PaymentDesk;
import org.beffroi.payments.internal.PaymentReceiptPdf;
import org.beffroi.platform.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A payment's page, at the address of its unguessable token ({@link Payments#pagePath}): whoever holds the link may
 * see it and pay, as with a paper invoice, whether signed in or not, under any account. Pending: the "pay" button;
 * paid: the receipt; refused: the button again. Never kept by a shared cache: it is one payer's.
 */
@Controller
@RequiredArgsConstructor
@Slf4j
class PaymentPageController {

    private static final String PRIVATE = "private, no-store";

    private final Payments payments;
    private final PaymentDesk desk;
    private final PaymentAddresses addresses;
    private final PaymentReceiptPdf receipt;

    @GetMapping("/paiements/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
        model.addAttribute("view", PaymentView.of(byToken(token)));
        return "payments/page";
    }

    /**
     * Pays: a refused payment is offered again first ({@code REFUSED -> PENDING}, one conditional update; a paid one
     * never changes), then the browser goes to the provider (303). A payment no longer pending goes back to its page.
     */
    @PostMapping("/paiements/{token}/payer")
    ModelAndView pay(@PathVariable String token, HttpServletResponse response) {
        var payment = byToken(token);
        if (payment.status() == Payment.Status.REFUSED) {
            desk.reopenIfRefused(payment.reference());
        }
        try {
            var provider = payments.start(payment.reference(), addresses.callbacks(payment.provider()));
            var redirect = new RedirectView(provider.map(java.net.URI::toString)
                    .orElse(Payments.PAGE_PREFIX + payment.pageToken()), true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        } catch (ProviderUnavailableException e) {
            log.warn("payment {}: its provider {} is unavailable: {}", payment.reference(), payment.provider(),
                    e.getMessage());
            response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE);
            var page = new ModelAndView("payments/page", HttpStatus.SERVICE_UNAVAILABLE);
            page.addObject("view", PaymentView.of(byToken(token)));
            page.addObject("unavailable", true);
            return page;
        }
    }

    /** The receipt as a PDF, for a paid payment only (else 404). */
    @GetMapping(path = "/paiements/{token}/recu.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable String token) {
        var payment = byToken(token);
        if (payment.status() != Payment.Status.PAID) {
            throw new NotFoundException();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("recu-" + payment.reference() + ".pdf").build().toString())
                .body(receipt.of(payment));
    }

    private Payment byToken(String token) {
        if (token == null || token.length() != 43) {
            throw new NotFoundException();
        }
        return payments.findByPageToken(token).orElseThrow(NotFoundException::new);
    }
}
