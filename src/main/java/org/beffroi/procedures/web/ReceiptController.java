package org.beffroi.procedures.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.ReceiptPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The receipt right after filing, at the address of the submission key (a secret: never the case's id): for a case
 * filed signed in, the person's account opens it too; for one filed signed out, whoever holds the key. Its PDF.
 */
@Controller
@RequiredArgsConstructor
class ReceiptController {

    private final CaseStore cases;
    private final ResidentCaseViews views;
    private final ReceiptPdf pdf;

    @GetMapping("/demarches/recus/{key}")
    String receipt(@PathVariable UUID key, Model model) {
        var filed = receiptCase(key);
        model.addAttribute("summary", views.summary(filed));
        model.addAttribute("key", key);
        model.addAttribute("withAccount", filed.accountId() != null);
        return "procedures/public/receipt";
    }

    @GetMapping(path = "/demarches/recus/{key}/recepisse.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receiptPdf(@PathVariable UUID key) {
        return pdfOf(receiptCase(key), pdf);
    }

    static ResponseEntity<byte[]> pdfOf(CaseRecord filed, ReceiptPdf pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("recepisse-" + filed.number() + ".pdf").build().toString())
                .body(pdf.of(filed));
    }

    private CaseRecord receiptCase(UUID key) {
        var filed = cases.findBySubmission(key).filter(c -> c.anonymisedAt() == null)
                .orElseThrow(NotFoundException::new);
        if (filed.accountId() == null) {
            return filed;
        }
        var me = SignedInUser.current();
        if (me.isEmpty()) {
            throw new AccessDeniedException("sign in to see this receipt");
        }
        if (me.get().accountId() != filed.accountId()) {
            throw new NotFoundException();
        }
        return filed;
    }
}
