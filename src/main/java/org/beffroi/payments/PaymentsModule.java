package org.beffroi.payments;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.internal.PaymentOffice;
import org.beffroi.platform.DataSubject;

import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The payments' descriptor: the back office (every payment, the results each received, its refunds, the CSV for the
 * accountant) is for administrators.
 */
@Component
@RequiredArgsConstructor
public class PaymentsModule implements ServiceModule {

    public static final Permission OFFICE = Permission.of(PaymentsOffice.AUTHORITY, ADMINISTRATOR);

    private final PaymentOffice office;

    @Override
    public String id() {
        return "payments";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(OFFICE);
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.payments", "/admin/paiements", OFFICE, 40));
    }

    /** The person's payments: what, how much, when, and their status. */
    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var made = office.ofSubject(subject).stream().map(p -> {
            var line = new LinkedHashMap<String, Object>();
            line.put("reference", p.reference());
            line.put("label", p.label());
            line.put("amountCents", p.amountCents());
            line.put("status", p.status().name());
            line.put("createdAt", p.createdAt().toString());
            line.put("paidAt", p.confirmedAt() == null ? "" : p.confirmedAt().toString());
            line.put("email", p.payerEmail() == null ? "" : p.payerEmail());
            return (Object) line;
        }).toList();
        return made.isEmpty() ? Map.of() : Map.of("payments", made);
    }

    /** Forgets who paid; the accounting lines stay (see {@link PaymentOffice#erase}). */
    @Override
    public void erasePersonalData(DataSubject subject) {
        office.erase(subject);
    }

    /** On a controller or a handler: only for those granted {@link #OFFICE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + PaymentsOffice.AUTHORITY + "')")
    public @interface PaymentsOffice {
        String AUTHORITY = "payments:office";
    }
}
