package org.beffroi.procedures;

import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.stereotype.Component;

/**
 * The procedures module's services the tests drive a procedure through: import, drafts, filing, cases. One bean the
 * tests' class path adds (the application's component scan finds it), so a test asks for it once instead of for
 * each service.
 */
@Component
public record ProcedureDesks(ProcedureCatalogue catalogue, ProcedureStore store, DraftDesk drafts, CaseDesk desk,
        CaseStore cases) {
}
