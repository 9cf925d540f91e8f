package org.beffroi.procedures.admin;

import org.beffroi.platform.NotFoundException;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ProcedureStore.Procedure;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import lombok.RequiredArgsConstructor;

/**
 * What the builder's pages (form and workflow) share: the procedure and its latest definition read from the path
 * (an unknown id is a 404), and each change saved as a new version before going back to the page it was made on.
 */
@Component
@RequiredArgsConstructor
class BuilderVersions {

    private final ProcedureStore store;
    private final ProcedureCatalogue catalogue;

    Procedure procedure(long id) {
        return store.find(id).orElseThrow(NotFoundException::new);
    }

    ProcedureDefinition latest(long id) {
        return store.latest(id).orElseThrow(NotFoundException::new).definition();
    }

    /** Saves {@code changed} as the procedure's new version and redirects to {@code page} under the procedure. */
    String saved(Procedure procedure, ProcedureDefinition changed, RedirectAttributes redirect, String page) {
        catalogue.saveVersion(procedure.id(), changed);
        redirect.addFlashAttribute("saved", "procedures.builder.saved");
        return "redirect:/admin/demarches/" + procedure.id() + page;
    }
}
