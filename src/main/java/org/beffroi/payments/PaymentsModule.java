package org.beffroi.payments;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beffroi.payments.internal.PaymentDesk;
import org.beffroi.payments.internal.PaymentOffice;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The payments' descriptor: the back office (every payment, the results each received, its refunds, the CSV for the
 * accountant) for administrators; the providers' notification addresses, which machines post to without a CSRF
 * token (and the PayFiP simulator's web service when it runs, demo and tests only: a server calls it, as PayFiP's);
 * the person's latest payments on their account page; the payers' data in the GDPR export and erasure.
 */
@Component
public class PaymentsModule implements ServiceModule {

    public static final Permission OFFICE = Permission.of(PaymentsOffice.AUTHORITY, ADMINISTRATOR);

    /** Where a provider's server posts its results: this and the provider's id. */
    public static final String NOTIFICATION_PREFIX = "/paiements/notification/";

    /** The PayFiP simulator's web service (package {@code internal.simulator}). */
    public static final String PAYFIP_SIMULATOR_WEB_SERVICE = "/simulateur-payfip/tpa/services/securite";

    private final ObjectProvider<PaymentProvider> providers;
    private final PaymentDesk desk;
    private final PaymentOffice office;
    private final boolean payfipSimulator;

    PaymentsModule(ObjectProvider<PaymentProvider> providers, PaymentDesk desk, PaymentOffice office,
            @Value("${beffroi.payments.payfip.simulator.enabled:false}") boolean payfipSimulator) {
        this.providers = providers;
        this.desk = desk;
        this.office = office;
        this.payfipSimulator = payfipSimulator;
    }

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

    /** Each provider's notification address: its server posts there, with the provider's signature, not a CSRF token. */
    @Override
    public List<String> pathsWithoutCsrf() {
        var paths = new java.util.ArrayList<>(providers.orderedStream().map(p -> NOTIFICATION_PREFIX + p.id()).toList());
        if (payfipSimulator) {
            paths.add(PAYFIP_SIMULATOR_WEB_SERVICE);
        }
        return List.copyOf(paths);
    }

    /** A payment on the person's account page: its label, amount, status and page. */
    public record AccountPayment(String label, long amountCents, String status, String path) {
    }

    /** The person's three latest payments, on "Mon compte", with the way to all of them. */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        var latest = desk.ofPayer(subject.accountId()).stream().limit(3)
                .map(p -> new AccountPayment(p.label(), p.amountCents(), p.status().name(),
                        Payments.PAGE_PREFIX + p.pageToken()))
                .toList();
        return List.of(new HomeBlock("payments/account-block", Map.of("payments", latest), 35));
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

    @Override
    public void applyRetention() {
        office.applyRetention();
    }

    /** On a controller or a handler: only for those granted {@link #OFFICE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + PaymentsOffice.AUTHORITY + "')")
    public @interface PaymentsOffice {
        String AUTHORITY = "payments:office";
    }
}
