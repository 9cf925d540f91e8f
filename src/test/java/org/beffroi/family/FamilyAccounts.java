package org.beffroi.family;

import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.family.internal.Household;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.InvoiceLines;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Residents with a household of their own, and invoices for them, as the tests of the family space need them. */
public final class FamilyAccounts {

    public static final String PASSWORD = "la cantine ouvre à midi";

    private FamilyAccounts() {
    }

    /** A resident's account, signed-in-able with {@link #PASSWORD}. */
    public record Resident(long accountId, String email) {
    }

    public static Resident resident(AccountRepository accounts, PasswordEncoder encoder, String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        long id = accounts.insert(email, "Camille " + name, encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        return new Resident(id, email);
    }

    public static Household household(Households households, Resident resident) {
        return households.createFor(resident.accountId(), resident.email(), "Camille");
    }

    /** An unpaid invoice of the household, its number unique. */
    public static long invoice(Invoices invoices, Household household, long cents, java.time.LocalDate due) {
        String number = "T-" + UUID.randomUUID().toString().substring(0, 12);
        return invoices.create(new InvoiceLines.NewInvoice(household.id(), number, "Restauration scolaire", "2026-11",
                cents, due)).orElseThrow();
    }
}
