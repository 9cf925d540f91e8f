package org.beffroi.procedures.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.beffroi.platform.RateLimits;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.definition.Access;
import org.beffroi.procedures.definition.Category;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.LifeEvent;
import org.beffroi.procedures.definition.Prefill;
import org.beffroi.procedures.internal.Draft;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ProcedureStore.Version;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue of procedures (by category, filtered by life event and by words), a procedure's page (who may file
 * it, what to prepare, the person's own draft of it) and the start of a draft.
 */
@Controller
@RequiredArgsConstructor
class CatalogueController {

    private final ProcedureStore procedures;
    private final DraftDesk drafts;
    private final Accounts accounts;
    private final RateLimits limits;

    /** A group of the catalogue: a category and its procedures. */
    record Group(Category category, List<Version> procedures) {
    }

    @GetMapping("/demarches")
    String catalogue(@RequestParam(name = "evenement", required = false) String event,
            @RequestParam(name = "q", required = false) String words, Model model) {
        LifeEvent chosen = event == null ? null
                : java.util.Arrays.stream(LifeEvent.values()).filter(e -> e.slug().equals(event)).findFirst()
                        .orElse(null);
        String query = words == null ? "" : words.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        var groups = new EnumMap<Category, List<Version>>(Category.class);
        for (var version : procedures.published()) {
            var d = version.definition();
            if (chosen != null && !d.lifeEvents().contains(chosen)) {
                continue;
            }
            if (!query.isEmpty() && !plain(d.title() + " " + (d.summary() == null ? "" : d.summary()))
                    .contains(plain(query))) {
                continue;
            }
            groups.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(version);
        }
        model.addAttribute("groups", groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        model.addAttribute("lifeEvents", LifeEvent.values());
        model.addAttribute("chosenEvent", chosen);
        model.addAttribute("q", query);
        return "procedures/public/catalogue";
    }

    /** Lower case, without accents, so that "etat civil" finds "État civil". */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    @GetMapping("/demarches/{slug}")
    String procedure(@PathVariable String slug, Model model) {
        var version = published(slug);
        var d = version.definition();
        model.addAttribute("procedure", version);
        model.addAttribute("definition", d);
        model.addAttribute("toPrepare", d.allFields().filter(f -> f.type() == FieldType.FILE).toList());
        var user = SignedInUser.current();
        model.addAttribute("signedIn", user.isPresent());
        model.addAttribute("mayStart", mayStart(d.access(), user));
        model.addAttribute("needsVerifiedAddress", d.access() == Access.VERIFIED && user.isPresent()
                && !mayStart(d.access(), user));
        model.addAttribute("draft", user.flatMap(u -> ownDraft(u.accountId(), version)).orElse(null));
        return "procedures/public/procedure";
    }

    /** Signing in before starting a procedure kept for people signed in: back to the procedure once signed in. */
    @GetMapping("/demarches/{slug}/connexion")
    @PreAuthorize("isAuthenticated()")
    String signInToStart(@PathVariable String slug) {
        published(slug);
        return "redirect:/demarches/" + slug;
    }

    /** Drafts of one procedure a signed-out visitor may start from one address in an hour. */
    static final int DRAFTS_PER_HOUR_SIGNED_OUT = 30;

    @PostMapping("/demarches/{slug}/brouillons")
    String start(@PathVariable String slug, HttpServletRequest request, RedirectAttributes redirect) {
        var version = published(slug);
        var d = version.definition();
        var user = SignedInUser.current();
        if (user.isEmpty() && d.access() != Access.ANYONE) {
            return "redirect:/demarches/" + slug + "/connexion";
        }
        if (user.isEmpty() && !limits.tryConsume("procedures-draft:" + slug + ":" + request.getRemoteAddr(),
                DRAFTS_PER_HOUR_SIGNED_OUT, Duration.ofHours(1))) {
            // drafts kept for nobody: a machine starting thousands would fill the database
            redirect.addFlashAttribute("refused", "procedures.start.too-many");
            return "redirect:/demarches/" + slug;
        }
        if (!mayStart(d.access(), user)) {
            return "redirect:/demarches/" + slug;
        }
        var prefilled = new LinkedHashMap<String, Object>();
        user.flatMap(u -> accounts.find(u.accountId())).ifPresent(account -> d.allFields()
                .filter(f -> f.prefill() != null && !isInBlock(d, f)).forEach(f -> prefilled.put(f.key(),
                        f.prefill() == Prefill.NAME ? account.displayName() : account.email())));
        var id = drafts.start(version.id(), user.map(SignedInUser::accountId).orElse(null), prefilled);
        return "redirect:/demarches/" + slug + "/brouillons/" + id + "/1";
    }

    private static boolean isInBlock(org.beffroi.procedures.definition.ProcedureDefinition d, FieldDefinition f) {
        return d.pages().stream().flatMap(p -> p.fields().stream()).noneMatch(top -> top.key().equals(f.key()));
    }

    private boolean mayStart(Access access, Optional<SignedInUser> user) {
        return switch (access) {
            case ANYONE -> true;
            case SIGNED_IN -> user.isPresent();
            case VERIFIED -> user.isPresent() && accounts.dataSubject(user.get().accountId()).verifiedEmail() != null;
        };
    }

    private Optional<Draft> ownDraft(long accountId, Version version) {
        return drafts.ofAccount(accountId).stream().filter(d -> !d.atTheCounter())
                .filter(d -> procedures.version(d.versionId()).map(Version::procedureId)
                        .filter(p -> p == version.procedureId()).isPresent())
                .findFirst();
    }

    private Version published(String slug) {
        return procedures.findBySlug(slug).filter(ProcedureStore.Procedure::published)
                .flatMap(p -> procedures.version(p.publishedVersionId())).orElseThrow(NotFoundException::new);
    }
}
