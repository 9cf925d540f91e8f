package org.beffroi.procedures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.FormPage;
import org.beffroi.procedures.definition.Prefill;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.CommuneArea;
import org.beffroi.procedures.internal.Draft;
import org.beffroi.procedures.internal.CaseAttachments;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.FieldValidation;
import org.beffroi.procedures.internal.FieldValidation.FieldError;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ProcedureStore.Version;
import org.beffroi.procedures.internal.ReceiptPdf;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Filling a procedure: one page of fields at a time, each checked when the resident moves on, the draft saved at
 * every page and as they type (autosave); the review of every answer; the filing. A draft started signed in needs
 * its account: when the session has expired, what a page posted is kept in the new session and merged into the
 * draft once the person has signed in again. Foreign and unknown drafts answer 404.
 */
@Controller
@RequiredArgsConstructor
class DraftController {

    /** The session attribute holding what a page posted while its draft needed signing in again. */
    static final String KEPT = "procedures.kept.";
    /** The field of the filing step asking a person signed out where to follow the case. */
    static final String FOLLOW_EMAIL = "courriel-suivi";

    private final ProcedureStore procedures;
    private final DraftDesk drafts;
    private final CaseAttachments files;
    private final CaseDesk desk;
    private final CaseStore cases;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final CommuneArea area;
    private final org.beffroi.platform.Commune commune;

    /** A draft with the procedure and the version it is filled under. */
    public record Filling(String slug, Version version, Draft draft) {
        public ProcedureDefinition definition() {
            return version.definition();
        }

        public String base() {
            return "/demarches/" + slug + "/brouillons/" + draft.id();
        }
    }

    @GetMapping("/demarches/{slug}/brouillons/{id}/{page:\\d+}")
    String page(@PathVariable String slug, @PathVariable UUID id, @PathVariable int page, Model model,
            HttpSession session) {
        var filling = filling(slug, id);
        var form = form(filling.definition(), page);
        var answers = new LinkedHashMap<>(filling.draft().data());
        @SuppressWarnings("unchecked")
        var kept = session == null ? null : (Map<String, Object>) session.getAttribute(KEPT + id);
        if (kept != null) {
            // posted while the session had expired: kept until the person signed in again, saved now
            answers.putAll(kept);
            drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
            session.removeAttribute(KEPT + id);
            model.addAttribute("saved", "procedures.filling.kept");
        }
        return render(filling, page, answers, Map.of(), model);
    }

    @PostMapping("/demarches/{slug}/brouillons/{id}/{page:\\d+}")
    String post(@PathVariable String slug, @PathVariable UUID id, @PathVariable int page,
            @RequestParam(name = "action", defaultValue = "suivant") String action, HttpServletRequest request,
            Model model, Locale locale, HttpServletResponse response) {
        var version = procedureVersion(slug, id);
        var form = form(version.definition(), page);
        var posted = FormPages.read(form.fields(), request);
        var filling = fillingOrKeep(slug, id, version, page, posted, request);
        if (filling == null) {
            return "redirect:/demarches/" + slug + "/brouillons/" + id + "/" + page;
        }
        var answers = new LinkedHashMap<>(filling.draft().data());
        answers.putAll(posted);
        if (action.startsWith("retirer-fichier:")) {
            files.removeFromDraft(id, accountId(), uuid(action.substring("retirer-fichier:".length())));
            drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
            return "redirect:" + filling.base() + "/" + page;
        }
        var refused = receiveFiles(id, form.fields(), answers, request, locale);
        if (!refused.isEmpty()) {
            drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(filling, page, answers, refused, model);
        }
        if (action.startsWith("ajouter:") || action.startsWith("retirer:")) {
            var parts = action.split(":");
            var block = form.fields().stream().filter(f -> f.type() == FieldType.REPEATABLE)
                    .filter(f -> f.key().equals(parts[1])).findFirst().orElseThrow(NotFoundException::new);
            FormPages.changeRows(answers, block, parts.length > 2 ? index(parts[2]) : null);
            drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
            return "redirect:" + filling.base() + "/" + page + "#" + FormPages.id(block.key());
        }
        drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
        if (action.equals("precedent")) {
            return "redirect:" + filling.base() + "/" + Math.max(1, page - 1);
        }
        if (action.equals("enregistrer")) {
            return "redirect:" + filling.base() + "/" + page;
        }
        var errors = FieldValidation.check(form.fields(), answers, today(), hasFile(id), area);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(filling, page, answers, FormPages.messages(errors, messages, locale), model);
        }
        int pages = filling.definition().pages().size();
        return "redirect:" + filling.base() + (page < pages ? "/" + (page + 1) : "/recapitulatif");
    }

    /** Saves the page's fields as the resident types (the page's script, debounced): 204, or 401 to sign in. */
    @PostMapping("/demarches/{slug}/brouillons/{id}/{page:\\d+}/sauvegarde")
    ResponseEntity<Void> autosave(@PathVariable String slug, @PathVariable UUID id, @PathVariable int page,
            HttpServletRequest request) {
        var version = procedureVersion(slug, id);
        var form = form(version.definition(), page);
        var draft = drafts.find(id, accountId());
        if (draft.isEmpty()) {
            return ResponseEntity.status(drafts.needsSignIn(id, accountId()) && SignedInUser.current().isEmpty()
                    ? HttpStatus.UNAUTHORIZED : HttpStatus.NOT_FOUND).build();
        }
        var answers = new LinkedHashMap<>(draft.get().data());
        answers.putAll(FormPages.read(form.fields(), request));
        drafts.save(id, accountId(), FieldValidation.kept(form.fields(), answers), page - 1);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/demarches/{slug}/brouillons/{id}/recapitulatif")
    String review(@PathVariable String slug, @PathVariable UUID id, Model model) {
        var filling = filling(slug, id);
        return renderReview(filling, Map.of(), null, model);
    }

    @PostMapping("/demarches/{slug}/brouillons/{id}/envoi")
    String file(@PathVariable String slug, @PathVariable UUID id,
            @RequestParam(name = FOLLOW_EMAIL, required = false) String followEmail, Model model,
            HttpServletResponse response, Locale locale) {
        // a second post of the same draft (a double click, another tab) finds the case the first one filed
        var filed = cases.findBySubmission(id);
        if (filed.isPresent()) {
            var c = filed.get();
            Long me = accountId();
            boolean theirs = c.accountId() == null ? c.filedByAgentId() == null || c.filedByAgentId().equals(me)
                    : c.accountId().equals(me);
            if (!theirs) {
                throw new NotFoundException();
            }
            return "redirect:/demarches/recus/" + id;
        }
        var filling = filling(slug, id);
        var definition = filling.definition();
        var answers = filling.draft().data();
        var errors = new ArrayList<>(FieldValidation.checkAll(definition, answers, today(), hasFile(id), area));
        String email = null;
        String name = definition.allFields().filter(f -> f.prefill() == Prefill.NAME)
                .map(f -> answers.get(f.key())).filter(v -> v instanceof String s && !s.isBlank())
                .map(v -> ((String) v).strip()).findFirst().orElse(null);
        Filer filer;
        var draft = filling.draft();
        if (draft.atTheCounter()) {
            filer = new Filer(null, draft.forEmail(), draft.forName(), draft.accountId());
        } else if (draft.accountId() != null) {
            var account = accounts.find(draft.accountId()).orElseThrow(NotFoundException::new);
            filer = new Filer(account.id(), account.email(), account.displayName(), null);
        } else {
            email = followEmailOf(definition, answers);
            if (email == null) {
                email = followEmail == null ? "" : followEmail.strip();
                var check = FieldValidation.check(List.of(followField()), Map.of(FOLLOW_EMAIL, email), today(),
                        k -> false);
                errors.addAll(check);
            }
            filer = new Filer(null, email.toLowerCase(Locale.ROOT), name, null);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return renderReview(filling, FormPages.messages(errors, messages, locale), followEmail, model);
        }
        desk.file(id, draft.accountId(), FieldValidation.keptAll(definition, answers), filer);
        return "redirect:/demarches/recus/" + id;
    }

    @PostMapping("/demarches/{slug}/brouillons/{id}/suppression")
    String delete(@PathVariable String slug, @PathVariable UUID id, RedirectAttributes redirect) {
        filling(slug, id);
        drafts.delete(id, accountId());
        redirect.addFlashAttribute("saved", "procedures.draft.deleted");
        return SignedInUser.current().isPresent() ? "redirect:/mes-demarches" : "redirect:/demarches/" + slug;
    }

    /** The address a case filed signed out is followed at, when the form asks it itself (an e-mail prefilled so). */
    static String followEmailOf(ProcedureDefinition definition, Map<String, Object> answers) {
        return definition.allFields().filter(f -> f.type() == FieldType.EMAIL && f.prefill() == Prefill.EMAIL)
                .map(f -> answers.get(f.key())).filter(v -> v instanceof String s && !s.isBlank())
                .map(v -> ((String) v).strip()).findFirst().orElse(null);
    }

    static boolean asksFollowEmail(ProcedureDefinition definition) {
        return definition.allFields().noneMatch(f -> f.type() == FieldType.EMAIL && f.prefill() == Prefill.EMAIL);
    }

    static FieldDefinition followField() {
        return FieldDefinition.of(FOLLOW_EMAIL, FieldType.EMAIL, "", true);
    }

    /**
     * Keeps the files posted for the page's file fields that are shown; a file refused (its type, its size, a
     * virus) gives its field's message, the other files being kept.
     */
    private Map<String, String> receiveFiles(UUID id, List<FieldDefinition> fields, Map<String, Object> answers,
            HttpServletRequest request, Locale locale) {
        var refused = new LinkedHashMap<String, String>();
        // the request as the dispatcher resolved it, or as a test built it, under the filters' wrappers
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return refused;
        }
        for (var field : fields) {
            var upload = multipart.getFile(field.key());
            if (field.type() != FieldType.FILE || upload == null || upload.isEmpty()
                    || !FieldValidation.shown(field, answers)) {
                continue;
            }
            try {
                files.attachToDraft(id, accountId(), field.key(), upload);
            } catch (InvalidUploadException e) {
                refused.put(field.key(), messages.getMessage(e.messageKey(), e.arguments(), locale));
            }
        }
        return refused;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private String render(Filling filling, int page, Map<String, Object> answers, Map<String, String> errors,
            Model model) {
        var definition = filling.definition();
        var form = definition.pages().get(page - 1);
        model.addAttribute("filling", filling);
        model.addAttribute("definition", definition);
        model.addAttribute("formPage", form);
        model.addAttribute("page", page);
        model.addAttribute("pages", definition.pages().size());
        model.addAttribute("steps", definition.pages().size() + 1);
        model.addAttribute("fields", FormPages.views(form.fields(), answers, errors));
        model.addAttribute("errors", errors);
        model.addAttribute("attached", drafts.attachedFields(filling.draft().id()));
        var given = new LinkedHashMap<String, CaseAttachments.Attached>();
        files.ofDraft(filling.draft().id()).forEach(a -> given.put(a.fieldKey(), a));
        model.addAttribute("files", given);
        model.addAttribute("multipart", form.fields().stream().anyMatch(f -> f.type() == FieldType.FILE
                || f.fields().stream().anyMatch(c -> c.type() == FieldType.FILE)));
        model.addAttribute("action", filling.base() + "/" + page);
        model.addAttribute("streets", form.fields().stream().anyMatch(f -> f.type() == FieldType.ADDRESS
                || f.fields().stream().anyMatch(c -> c.type() == FieldType.ADDRESS)) ? commune.streets() : List.of());
        return "procedures/public/fill";
    }

    /** Every page's shown answers, each page with its "Modifier" link. */
    record ReviewPage(int number, FormPage page, List<ReviewAnswer> answers) {
    }

    /** A shown field's answer in words ({@code file}: a file field, {@code value} then says whether one was given). */
    record ReviewAnswer(String id, String label, String value, boolean file, String error) {
    }

    private String renderReview(Filling filling, Map<String, String> errors, String followEmail, Model model) {
        var definition = filling.definition();
        var answers = filling.draft().data();
        var attached = drafts.attachedFields(filling.draft().id());
        var reviewed = new ArrayList<ReviewPage>();
        var pageOf = new HashMap<String, Integer>();
        for (int i = 0; i < definition.pages().size(); i++) {
            var p = definition.pages().get(i);
            var shown = new ArrayList<ReviewAnswer>();
            for (var f : p.fields()) {
                pageOf.put(f.key(), i + 1);
                if (f.type() == null || !f.type().takesAnswer() || !FieldValidation.shown(f, answers)) {
                    continue;
                }
                Object value = answers.get(f.key());
                String words = f.type() == FieldType.FILE ? (attached.contains(f.key()) ? "yes" : null)
                        : value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l
                                && l.isEmpty() ? null : ReceiptPdf.words(f, value);
                shown.add(new ReviewAnswer(FormPages.id(f.key()), f.label(), words, f.type() == FieldType.FILE,
                        errors.get(f.key())));
            }
            reviewed.add(new ReviewPage(i + 1, p, shown));
        }
        var links = new LinkedHashMap<String, String>();
        errors.keySet().forEach(key -> {
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            links.put(key, pageOf.containsKey(top) ? filling.base() + "/" + pageOf.get(top) + "#" + FormPages.id(key)
                    : "#" + FormPages.id(key));
        });
        model.addAttribute("filling", filling);
        model.addAttribute("definition", definition);
        model.addAttribute("reviewed", reviewed);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", links);
        model.addAttribute("steps", definition.pages().size() + 1);
        model.addAttribute("askEmail", filling.draft().accountId() == null && asksFollowEmail(definition));
        model.addAttribute("followEmail", followEmail);
        model.addAttribute("followId", FormPages.id(FOLLOW_EMAIL));
        return "procedures/public/review";
    }

    private static FormPage form(ProcedureDefinition definition, int page) {
        if (page < 1 || page > definition.pages().size()) {
            throw new NotFoundException();
        }
        return definition.pages().get(page - 1);
    }

    private static Integer index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CommuneTime.ZONE));
    }

    private java.util.function.Predicate<String> hasFile(UUID id) {
        var attached = drafts.attachedFields(id);
        return attached::contains;
    }

    private static Long accountId() {
        return SignedInUser.current().map(SignedInUser::accountId).orElse(null);
    }

    /**
     * The draft the person may fill. A draft of an account, opened by someone signed out (a session expired):
     * the sign-in page, then back here. Anything else unknown or foreign: 404.
     */
    private Filling filling(String slug, UUID id) {
        var draft = drafts.find(id, accountId());
        if (draft.isPresent()) {
            var procedure = procedures.findBySlug(slug).orElseThrow(NotFoundException::new);
            var version = procedures.version(draft.get().versionId()).filter(v -> v.procedureId() == procedure.id())
                    .orElseThrow(NotFoundException::new);
            return new Filling(slug, version, draft.get());
        }
        procedureVersion(slug, id);   // a draft of another procedure, or none: 404 before anything else
        if (SignedInUser.current().isEmpty() && drafts.needsSignIn(id, null)) {
            throw new AccessDeniedException("sign in to go on with this draft");
        }
        throw new NotFoundException();
    }

    /**
     * The draft the page posted to; or, when it needs its account and nobody is signed in, null after keeping what
     * was posted in the session (the caller sends the person to the page, which sends them to sign in).
     */
    private Filling fillingOrKeep(String slug, UUID id, Version version, int page, Map<String, Object> posted,
            HttpServletRequest request) {
        var draft = drafts.find(id, accountId());
        if (draft.isPresent()) {
            return new Filling(slug, version, draft.get());
        }
        if (SignedInUser.current().isEmpty() && drafts.needsSignIn(id, null)) {
            keep(request, id, posted);
            return null;
        }
        throw new NotFoundException();
    }

    /** Keeps what a page posted in the person's session, for the draft's page to merge once they signed in again. */
    static void keep(HttpServletRequest request, UUID id, Map<String, Object> posted) {
        request.getSession(true).setAttribute(KEPT + id, FormPages.serialisable(posted));
    }

    /** The version the draft is filled under, if the draft is of the procedure of the address. */
    private Version procedureVersion(String slug, UUID id) {
        var procedure = procedures.findBySlug(slug).orElseThrow(NotFoundException::new);
        var versionId = drafts.versionOf(id).orElseThrow(NotFoundException::new);
        return procedures.version(versionId).filter(v -> v.procedureId() == procedure.id())
                .orElseThrow(NotFoundException::new);
    }
}
