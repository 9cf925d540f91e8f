package org.beffroi.family.admin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.FamilyModule.FamilyOffice;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoice;
import org.beffroi.family.internal.InvoiceImport;
import org.beffroi.family.internal.InvoiceLines;
import org.beffroi.family.internal.InvoicePayments;
import org.beffroi.family.internal.Invoices;
import org.beffroi.family.internal.Invoices.Filter;
import org.beffroi.family.internal.Invoices.Line;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The invoices in the back office: the list with its filters (status, period, text) and CSV export, an invoice, the
 * form that creates one, the import of the billing software's CSV. Creations and imports are audited by the service.
 */
@Controller
@RequestMapping("/admin/familles/factures")
@FamilyOffice
@RequiredArgsConstructor
class InvoiceAdminController {

    private static final int PAGE_SIZE = 50;

    private final Invoices invoices;
    private final InvoiceLines lines;
    private final InvoiceImport importer;
    private final InvoicePayments payments;
    private final Households households;

    /** The list's filters as the address carries them, and again in the links that keep them. */
    record Criteria(Invoice.Status statut, String periode, String q) {

        Filter filter() {
            return new Filter(statut, periode, q);
        }

        public String query() {
            return "statut=" + text(statut) + "&periode=" + text(periode) + "&q=" + text(q);
        }

        private static String text(Object value) {
            return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping
    String list(@RequestParam(name = "statut", required = false) Invoice.Status status,
            @RequestParam(name = "periode", required = false) String period,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var criteria = new Criteria(status, period, text);
        int safePage = Math.max(0, page);
        long total = invoices.count(criteria.filter());
        model.addAttribute("lines", invoices.search(criteria.filter(), safePage, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute("criteria", criteria);
        model.addAttribute("statuses", Invoice.Status.values());
        model.addAttribute("periods", invoices.periods());
        return "family/admin/invoices";
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    void export(@RequestParam(name = "statut", required = false) Invoice.Status status,
            @RequestParam(name = "periode", required = false) String period,
            @RequestParam(name = "q", required = false) String text, HttpServletResponse response) throws IOException {
        var criteria = new Criteria(status, period, text);
        try (var csv = CsvExport.open(response, "factures-familles.csv", "numero", "foyer", "objet", "periode",
                "montant", "echeance", "statut", "paye_le", "paiement")) {
            int page = 0;
            List<Line> batch;
            do {
                batch = invoices.search(criteria.filter(), page++, 500);
                batch.forEach(l -> csv.row(l.invoice().number(), l.householdReference(), l.invoice().label(),
                        l.invoice().period(), BigDecimal.valueOf(l.invoice().amountCents(), 2).toPlainString(),
                        l.invoice().dueDate(), l.invoice().status(), l.invoice().paidAt(),
                        l.invoice().paymentReference()));
            } while (batch.size() == 500);
        }
    }

    @GetMapping("/{id}")
    String invoice(@PathVariable long id, Model model) {
        var invoice = invoices.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("invoice", invoice);
        model.addAttribute("household", households.find(invoice.householdId()).orElseThrow());
        model.addAttribute("paymentReference", payments.reference(id).orElse(null));
        return "family/admin/invoice";
    }

    /** The form of an unpaid invoice: its label, period, amount and due date (its household and number stay). */
    @GetMapping("/{id}/modification")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        var invoice = invoices.find(id).orElseThrow(NotFoundException::new);
        if (!invoice.payable()) {
            redirect.addFlashAttribute("refused", "family.office.invoice.not-editable");
            return "redirect:/admin/familles/factures/" + id;
        }
        var form = new InvoiceForm();
        form.setLabel(invoice.label());
        form.setPeriod(invoice.period());
        form.setAmount(BigDecimal.valueOf(invoice.amountCents(), 2).toPlainString().replace('.', ','));
        form.setDueDate(invoice.dueDate().toString());
        model.addAttribute("form", form);
        model.addAttribute("invoice", invoice);
        return "family/admin/invoice-edit";
    }

    @PostMapping("/{id}/modification")
    String edit(@PathVariable long id, @ModelAttribute("form") InvoiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var invoice = invoices.find(id).orElseThrow(NotFoundException::new);
        // the household and number are the invoice's own: only the other fields are read from the form
        form.setHousehold(households.find(invoice.householdId()).orElseThrow().reference());
        form.setNumber(invoice.number());
        var reading = lines.read(form.typed());
        reading.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.arguments(), null));
        if (errors.hasErrors()) {
            model.addAttribute("invoice", invoice);
            return "family/admin/invoice-edit";
        }
        var read = reading.invoice();
        return changed(id, invoices.edit(id, read.label(), read.period(), read.amountCents(), read.dueDate()),
                "family.office.invoice.edited", redirect);
    }

    /** Cancels an unpaid invoice; a paid one is refused with where its refund is recorded (payments). */
    @PostMapping("/{id}/annulation")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return changed(id, invoices.cancel(id), "family.office.invoice.cancelled", redirect);
    }

    private String changed(long id, Invoices.Change change, String done, RedirectAttributes redirect) {
        switch (change) {
            case NOT_FOUND -> throw new NotFoundException();
            case DONE -> redirect.addFlashAttribute("saved", done);
            case PAID -> redirect.addFlashAttribute("refused", "family.office.invoice.paid-unchanged");
            case CANCELLED -> redirect.addFlashAttribute("refused", "family.office.invoice.not-editable");
        }
        return "redirect:/admin/familles/factures/" + id;
    }

    @GetMapping("/nouvelle")
    String newInvoice(@RequestParam(name = "foyer", required = false) String household, Model model) {
        var form = new InvoiceForm();
        form.setHousehold(household);
        model.addAttribute("form", form);
        return "family/admin/invoice-form";
    }

    @PostMapping
    String create(@ModelAttribute("form") InvoiceForm form, BindingResult errors, RedirectAttributes redirect) {
        var reading = lines.read(form.typed());
        reading.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.arguments(), null));
        if (errors.hasErrors()) {
            return "family/admin/invoice-form";
        }
        var id = invoices.create(reading.invoice());
        if (id.isEmpty()) {
            errors.rejectValue("number", "family.invoice.number.taken");
            return "family/admin/invoice-form";
        }
        redirect.addFlashAttribute("saved", "family.invoice.created");
        return "redirect:/admin/familles/factures/" + id.get();
    }

    @GetMapping("/import")
    String importPage() {
        return "family/admin/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblem", "family.import.no-file");
            response.setStatus(400);
            return "family/admin/import";
        }
        var report = importer.importFile(file.getInputStream());
        model.addAttribute("report", report);
        if (!report.done()) {
            model.addAttribute("fileProblem", report.fileProblem());
            response.setStatus(400);
        }
        return "family/admin/import";
    }
}
