package org.beffroi.procedures.web;

import java.util.Locale;
import java.util.UUID;

import org.beffroi.platform.InvalidUploadException;
import org.beffroi.procedures.internal.CaseAttachments;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.web.multipart.MultipartFile;
import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ReceiptPdf;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * "Mes démarches": the person's cases and drafts; a case's page with its status, its history, its answers and the
 * town hall's questions to answer; its receipt. A case the person did not file answers 404, staff included.
 */
@Controller
@RequiredArgsConstructor
@PreAuthorize("isAuthenticated()")
class MyCasesController {

    /** The longest answer to a question, in characters. */
    static final int ANSWER_MAX = 5000;

    private final CaseStore cases;
    private final org.beffroi.procedures.internal.CasePaymentLines paymentLines;
    private final CaseDesk desk;
    private final DraftDesk drafts;
    private final ProcedureStore procedures;
    private final Accounts accounts;
    private final ResidentCaseViews views;
    private final ReceiptPdf pdf;
    private final CaseAttachments files;
    private final MessageSource messages;

    /** A draft of the list: the procedure it fills, where to resume it. */
    public record DraftLine(org.beffroi.procedures.internal.Draft draft, String title, String slug) {
        public String resume() {
            return "/demarches/" + slug + "/brouillons/" + draft.id() + "/" + (draft.page() + 1);
        }
    }

    @GetMapping("/mes-demarches")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        var subject = accounts.dataSubject(user.accountId());
        model.addAttribute("cases", cases.allOfResident(subject).stream().map(views::summary).toList());
        model.addAttribute("drafts", draftsOf(user.accountId()));
        return "procedures/public/mine";
    }

    java.util.List<DraftLine> draftsOf(long accountId) {
        return drafts.ofAccount(accountId).stream().filter(d -> !d.atTheCounter())
                .flatMap(d -> procedures.version(d.versionId()).flatMap(v -> procedures.find(v.procedureId())
                        .map(p -> new DraftLine(d, v.definition().title(), p.slug()))).stream())
                .toList();
    }

    @GetMapping("/mes-demarches/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(own(id, user), model);
    }

    private String page(CaseRecord filed, Model model) {
        model.addAttribute("detail", views.detail(filed));
        model.addAttribute("files", files.ofCase(filed.id()));
        model.addAttribute("documents", cases.documentsForResident(filed.id()));
        model.addAttribute("payments", paymentLines.of(filed.id()));
        model.addAttribute("answerMax", ANSWER_MAX);
        return "procedures/public/case";
    }

    @PostMapping("/mes-demarches/{id}/questions/{questionId}")
    String answer(@PathVariable long id, @PathVariable long questionId,
            @RequestParam(name = "reponse", required = false) String answer,
            @RequestParam(name = "fichier", required = false) MultipartFile upload,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        var filed = own(id, user);
        var question = cases.question(filed.id(), questionId).filter(q -> q.open())
                .orElseThrow(NotFoundException::new);
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty() || text.length() > ANSWER_MAX) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("answerError", text.isEmpty() ? "procedures.answer.required"
                    : "procedures.answer.too-long");
            model.addAttribute("answerQuestion", question.id());
            model.addAttribute("answerText", answer);
            return page(filed, model);
        }
        if (upload != null && !upload.isEmpty()) {
            try {
                files.attachToAnswer(filed, question.id(), upload);
            } catch (InvalidUploadException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("answerFileError", messages.getMessage(e.messageKey(), e.arguments(), locale));
                model.addAttribute("answerQuestion", question.id());
                model.addAttribute("answerText", answer);
                return page(filed, model);
            }
        }
        desk.answer(filed, questionId, text);
        redirect.addFlashAttribute("saved", "procedures.answer.sent");
        return "redirect:/mes-demarches/" + filed.id();
    }

    @GetMapping(path = "/mes-demarches/{id}/recepisse.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return ReceiptController.pdfOf(own(id, user), pdf);
    }

    /** A file given with the case, once the antivirus found it clean. */
    @GetMapping("/mes-demarches/{id}/fichiers/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable UUID fileId,
            @AuthenticationPrincipal SignedInUser user) {
        var attached = files.ofCase(own(id, user).id(), fileId).orElseThrow(NotFoundException::new);
        return Downloads.file(attached, files.open(attached).orElseThrow(NotFoundException::new));
    }

    /** A document the town hall made for the resident. */
    @GetMapping("/mes-demarches/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable UUID documentId,
            @AuthenticationPrincipal SignedInUser user) {
        return Downloads.document(cases.documentForResident(own(id, user).id(), documentId)
                .orElseThrow(NotFoundException::new));
    }

    private CaseRecord own(long id, SignedInUser user) {
        return cases.ofResident(id, accounts.dataSubject(user.accountId())).orElseThrow(NotFoundException::new);
    }
}
