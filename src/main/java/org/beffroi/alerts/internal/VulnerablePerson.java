package org.beffroi.alerts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One entry of the register. {@code registeredBy} is "SELF" or "AGENT". */
public record VulnerablePerson(long id, String fullName, LocalDate birthDate, AgeBracket ageBracket, String address,
        Long neighbourhoodId, String phone, String otherPhone, String contactName, String contactPhone, Set<Need> needs,
        String needsNote, String doctor, Long accountId, String registeredBy, Long registeredByAccountId,
        String registeredByLabel, Instant consentedAt, Instant createdAt, Instant reviewedAt, LocalDate reviewDue) {

    public boolean selfRegistered() {
        return "SELF".equals(registeredBy);
    }
}
