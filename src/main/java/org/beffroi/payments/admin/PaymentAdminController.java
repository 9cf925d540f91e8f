package org.beffroi.payments.admin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.Euros;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.PaymentsModule.PaymentsOffice;
import org.beffroi.payments.internal.PaymentOffice;
import org.beffroi.payments.internal.PaymentOffice.Filter;
import org.beffroi.payments.internal.PaymentOffice.Line;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The payments' back office: the list with its filters and CSV export for the accountant, a payment, its refunds. */
@Controller
@RequestMapping("/admin/paiements")
@PaymentsOffice
@RequiredArgsConstructor
class PaymentAdminController {

    private static final int PAGE_SIZE = 50;
    private static final String DETAIL = "payments/admin/payment";

    private final PaymentOffice office;
    private final List<PaymentProvider> providers;

    /** The list's filters as the address carries them, and again in the links that keep them. */
    record Criteria(Payment.Status statut, String prestataire, LocalDate du, LocalDate au, String q) {

        public Filter filter() {
            return new Filter(statut, prestataire, du, au, q);
        }

        public String query() {
            return "statut=" + text(statut) + "&prestataire=" + text(prestataire) + "&du=" + text(du) + "&au="
                    + text(au) + "&q=" + text(q);
        }

        private static String text(Object value) {
            return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping
    String list(@RequestParam(name = "statut", required = false) Payment.Status status,
            @RequestParam(name = "prestataire", required = false) String provider,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var criteria = new Criteria(status, provider, from, to, text);
        int safePage = Math.max(0, page);
        long total = office.count(criteria.filter());
        model.addAttribute("lines", office.search(criteria.filter(), safePage, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("netPaid", office.netPaidCents(criteria.filter()));
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute("criteria", criteria);
        model.addAttribute("statuses", Payment.Status.values());
        model.addAttribute("providers", providers.stream().map(PaymentProvider::id).sorted().toList());
        return "payments/admin/payments";
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    void export(@RequestParam(name = "statut", required = false) Payment.Status status,
            @RequestParam(name = "prestataire", required = false) String provider,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "q", required = false) String text, HttpServletResponse response) throws IOException {
        var criteria = new Criteria(status, provider, from, to, text);
        office.exportStarted(criteria.query());
        try (var csv = CsvExport.open(response, "paiements.csv", "reference", "objet", "prestataire", "statut",
                "montant", "rembourse", "cree_le", "paye_le", "courriel")) {
            int page = 0;
            List<Line> batch;
            do {
                batch = office.search(criteria.filter(), page++, 500);
                batch.forEach(l -> csv.row(l.payment().reference(), l.payment().label(), l.payment().provider(),
                        l.payment().status(), decimal(l.payment().amountCents()), decimal(l.refundedCents()),
                        local(l.payment().createdAt()), local(l.payment().confirmedAt()), l.payment().payerEmail()));
            } while (batch.size() == 500);
        }
    }

    @GetMapping("/{id}")
    String payment(@PathVariable long id, Model model) {
        model.addAttribute("refund", new RefundForm());
        return detail(id, model);
    }

    @PostMapping("/{id}/remboursements")
    String refund(@PathVariable long id, @Validated @ModelAttribute("refund") RefundForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var line = office.find(id).orElseThrow(NotFoundException::new);
        var amount = errors.hasFieldErrors("amount") ? null : Euros.read(form.getAmount(), null);
        if (amount != null && !amount.accepted()) {
            errors.rejectValue("amount", amount.refusal().messageKey());
        }
        if (errors.hasErrors()) {
            return detail(id, model);
        }
        var outcome = office.refund(line.payment().id(), amount.cents(), form.getReason().strip(),
                SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        switch (outcome) {
            case RECORDED -> {
                redirect.addFlashAttribute("saved", "payments.office.refund.recorded");
                return "redirect:/admin/paiements/" + id;
            }
            case NOT_PAID -> {
                // the form is not shown for such a payment: the refusal is said above where it would be
                errors.reject("payments.office.refund.not-paid");
                model.addAttribute("refusal", "payments.office.refund.not-paid");
            }
            case OVER_REMAINING -> errors.rejectValue("amount", "payments.office.refund.over-remaining",
                    new Object[] {java.math.BigDecimal.valueOf(
                            line.payment().amountCents() - office.find(id).orElseThrow().refundedCents(), 2)},
                    null);
        }
        return detail(id, model);
    }

    private String detail(long id, Model model) {
        var line = office.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("line", line);
        model.addAttribute("received", office.received(line.payment().reference()));
        model.addAttribute("refunds", office.refunds(id));
        return DETAIL;
    }

    /** Cents as a decimal number of euros with a point (25.50), as spreadsheets read it. */
    private static String decimal(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A moment as the commune's clocks show it, to the minute (2026-12-06T14:30), for spreadsheets. */
    private static LocalDateTime local(Instant moment) {
        return moment == null ? null : moment.atZone(CommuneTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    }
}
