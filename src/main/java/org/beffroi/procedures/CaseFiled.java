package org.beffroi.procedures;

/** A case was filed (by the resident, or for them at the counter). */
public record CaseFiled(long caseId, String number, long procedureId, Long accountId) {
}
