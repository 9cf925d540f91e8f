package org.beffroi.procedures.admin;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.ProceduresModule.HandleCases;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Counter mode: an agent files a procedure for someone at the counter or on the phone. The draft is held by the
 * agent's account and says for whom it is; the agent then fills the resident's own pages. The person sees the case
 * in their account once it holds that address, confirmed.
 */
@Controller
@RequestMapping("/admin/dossiers/guichet")
@HandleCases
@RequiredArgsConstructor
class CaseCounterController {

    private static final String FORM = "procedures/cases/counter";

    private final ProcedureStore procedures;
    private final DraftDesk drafts;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("procedures", procedures.all().stream().filter(ProcedureStore.Procedure::published).toList());
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", new CaseCounterForm());
        return FORM;
    }

    @PostMapping
    String start(@Validated @ModelAttribute("form") CaseCounterForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInUser agent) {
        var procedure = form.getProcedure() == null ? null
                : procedures.find(form.getProcedure()).filter(ProcedureStore.Procedure::published).orElse(null);
        if (procedure == null && !errors.hasFieldErrors("procedure")) {
            errors.rejectValue("procedure", "procedures.office.counter.unknown-procedure");
        }
        if (errors.hasErrors()) {
            return FORM;
        }
        UUID draft = drafts.startAtTheCounter(procedure.publishedVersionId(), agent.accountId(), form.getEmail(),
                form.getName());
        return "redirect:/demarches/" + procedure.slug() + "/brouillons/" + draft + "/1";
    }
}
