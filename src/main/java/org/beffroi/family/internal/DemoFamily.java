package org.beffroi.family.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.platform.CommuneTime;
import org.springframework.stereotype.Component;

/**
 * The demo's household: Jeanne Habitante (habitant@belvoir.example) with two children, an unpaid canteen invoice
 * (payable with the test provider) and a paid after-school one; and this week's canteen menu.
 */
@Component
@RequiredArgsConstructor
public class DemoFamily {

    static final String RESIDENT = "habitant@belvoir.example";

    private final Accounts accounts;
    private final Households households;
    private final Invoices invoices;
    private final Menus menus;
    private final Attendance attendance;
    private final Clock clock;

    /** Adds what is missing; does nothing when it is there. */
    public void seed() {
        if (menus.week(menus.thisMonday()).isEmpty()) {
            menus.publish(menus.thisMonday(), Map.of(
                    1, "Carottes râpées\nPoulet rôti, haricots verts\nYaourt nature",
                    2, "Potage de légumes\nLasagnes\nPomme",
                    4, "Salade de lentilles\nPoisson pané, riz\nCompote",
                    5, "Betteraves\nOmelette, pommes de terre sautées\nFromage blanc"), false);
        }
        if (attendance.services().isEmpty()) {
            attendance.createService("CANT", "Restauration scolaire", 320);
        }
        var resident = accounts.findByEmail(RESIDENT);
        if (resident.isEmpty() || households.ofAccount(resident.get().id()).isPresent()) {
            return;
        }
        var household = households.createFor(resident.get().id(), RESIDENT, resident.get().displayName());
        households.addChild(household.id(), new Households.NewChild("Léa", "Habitante", LocalDate.of(2017, 3, 14),
                "École Jules-Ferry", "CE2"));
        households.addChild(household.id(), new Households.NewChild("Tom", "Habitante", LocalDate.of(2020, 9, 2),
                "École Jules-Ferry", "Moyenne section"));
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        var month = today.minusMonths(1);
        String period = month.getYear() + "-" + String.format("%02d", month.getMonthValue());
        if (!invoices.numberTaken("DEMO-CANT-" + period)) {
            invoices.insert(new InvoiceLines.NewInvoice(household.id(), "DEMO-CANT-" + period, "Restauration scolaire",
                    period, 4_860, today.plusDays(20)));
        }
        if (!invoices.numberTaken("DEMO-PERI-" + period)) {
            long paid = invoices.insert(new InvoiceLines.NewInvoice(household.id(), "DEMO-PERI-" + period,
                    "Accueil périscolaire", period, 2_250, today.minusDays(5)));
            invoices.markPaid(paid, null, 2_250, clock.instant());
        }
    }
}
