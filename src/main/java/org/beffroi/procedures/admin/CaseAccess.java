package org.beffroi.procedures.admin;

import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.procedures.ProceduresModule.ManageProcedures;
import org.beffroi.procedures.internal.CaseInbox.Staff;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.CaseStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is looking at the back office's cases, and which case they may open: those of their services, or every case
 * for those who manage procedures. Any other id is not found, like an id that does not exist.
 */
@Component
@RequiredArgsConstructor
class CaseAccess {

    private final Accounts accounts;
    private final CaseStore cases;

    Staff staff(Authentication authentication) {
        long accountId = SignedInUser.from(authentication).orElseThrow(NotFoundException::new).accountId();
        Set<Long> services = accounts.find(accountId).map(AccountSummary::serviceIds).orElse(Set.of());
        boolean everyCase = authentication.getAuthorities().stream()
                .anyMatch(a -> ManageProcedures.AUTHORITY.equals(a.getAuthority()));
        return new Staff(accountId, services, everyCase);
    }

    CaseRecord open(long caseId, Staff staff) {
        return cases.forStaff(caseId, staff.serviceIds(), staff.everyCase()).orElseThrow(NotFoundException::new);
    }
}
