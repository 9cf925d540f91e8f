package org.beffroi.payments.internal.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.PaymentsModule;
import org.beffroi.payments.internal.PayfipSoap;
import org.beffroi.platform.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The PayFiP simulator's addresses (demo and tests only, see {@link PayfipSimulator}): its SOAP web service, the
 * payment page PayFiP's address names ({@code ?idop=}), which leads to the simulator's page of the operation, and
 * the payer's choice there.
 */
@Controller
@RequiredArgsConstructor
@ConditionalOnProperty(name = "beffroi.payments.payfip.simulator.enabled", havingValue = "true")
class PayfipSimulatorController {

    static final String BASE = "/simulateur-payfip";
    /** The web service, where PayFiP's own is ({@code /tpa/services/securite}). */
    static final String WEB_SERVICE = PaymentsModule.PAYFIP_SIMULATOR_WEB_SERVICE;
    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final PayfipSimulator simulator;

    @PostMapping(WEB_SERVICE)
    ResponseEntity<byte[]> webService(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(PayfipSoap.MAX_BYTES + 1);
        }
        PayfipSoap.Message message;
        try {
            message = PayfipSoap.read(body);
        } catch (PayfipSoap.Malformed e) {
            return fault(PayfipSimulator.MALFORMED, "message illisible");
        }
        try {
            return switch (message.name()) {
                case PayfipSoap.CREATE -> ResponseEntity.ok().contentType(XML).body(
                        PayfipSoap.answer(PayfipSoap.CREATE, Map.of("idOp", simulator.create(message.fields()))));
                case PayfipSoap.DETAIL -> ResponseEntity.ok().contentType(XML).body(
                        PayfipSoap.answer(PayfipSoap.DETAIL, simulator.detail(message.fields().get("idOp"))));
                default -> fault(PayfipSimulator.MALFORMED, "opération inconnue du service");
            };
        } catch (PayfipSimulator.Fault e) {
            return fault(e.code(), e.getMessage());
        }
    }

    private static ResponseEntity<byte[]> fault(String code, String text) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(XML).body(PayfipSoap.fault(code, text));
    }

    /** The payment page's address as PayFiP names it: on to the operation's page. */
    @GetMapping(BASE + "/tpa/paiementws.web")
    String paymentPage(@RequestParam(required = false) String idop) {
        var operation = simulator.find(idop).orElseThrow(NotFoundException::new);
        return "redirect:" + BASE + "/paiements/" + operation.idop();
    }

    @GetMapping(BASE + "/paiements/{idop}")
    String operation(@PathVariable String idop, Model model, Locale locale) {
        show(idop, model.asMap(), locale);
        return "payments/payfip-simulator";
    }

    @PostMapping(BASE + "/paiements/{idop}")
    ModelAndView choose(@PathVariable String idop, @RequestParam(required = false) String choix, Locale locale) {
        PayfipSimulator.Choice choice;
        try {
            choice = PayfipSimulator.Choice.valueOf(String.valueOf(choix));
        } catch (IllegalArgumentException e) {
            var page = new ModelAndView("payments/payfip-simulator", HttpStatus.BAD_REQUEST);
            show(idop, page.getModelMap(), locale);
            page.addObject("choiceError", true);
            return page;
        }
        var next = simulator.choose(idop, choice).orElseThrow(NotFoundException::new);
        return new ModelAndView("redirect:" + next);
    }

    private void show(String idop, Map<String, Object> model, Locale locale) {
        var operation = simulator.find(idop).orElseThrow(NotFoundException::new);
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        model.put("operation", operation);
        model.put("amount", format.format(BigDecimal.valueOf(operation.montant(), 2)));
        model.put("choices", PayfipSimulator.Choice.values());
        if (operation.chosen()) {
            model.put("next", PayfipSimulator.withIdop(operation.urlredirect(), operation.idop()).toString());
        }
    }
}
