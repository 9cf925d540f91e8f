package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.Page;

/**
 * The pages that show a payment a case asks for — the resident's case page, the agents' case page, the builder's
 * form of the step — have no axe-core violation and stay within the screen, at 1280 px and on a 390 px phone.
 */
class CasePaymentBrowserTest extends BrowserTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void thePagesShowingAPaymentAreAccessibleOnAWideScreenAndOnAPhone() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "payeuse-" + marker + "@exemple.fr";
        long account = accounts.insert(email, "Camille " + marker, encoder.encode(Residents.PASSWORD),
                AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"paye-" + marker + "\"");
        long procedure = procedures.catalogue().importFile(json, true).procedureId();
        var answers = Map.<String, Object>of("nom", "Camille " + marker, "courriel", email, "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel");
        var draft = procedures.drafts().start(procedures.store().find(procedure).orElseThrow().publishedVersionId(),
                account, Map.of());
        var filed = procedures.desk().file(draft, account, answers, new Filer(account, null, "Camille " + marker, null));
        procedures.desk().press(filed, "faire-payer", null);

        var resident = newPage(newContext(false));
        signIn(resident, email, Residents.PASSWORD);
        check(resident, "/mes-demarches/" + filed.id());
        assertThat(resident.locator(".procedure-payments").textContent()).contains("Payer");

        var admin = newPage(newContext(false));
        signIn(admin, "admin@belvoir.example", "belvoir-admin-2026");
        check(admin, "/admin/dossiers/" + filed.id());
        assertThat(admin.locator("main").textContent()).contains("dossier-" + filed.id() + "-1");
        check(admin, "/admin/demarches/" + procedure + "/circuit/statuts/paiement/actions/1");
    }

    private void check(Page tab, String path) {
        for (int width : new int[] {1280, 390}) {
            tab.setViewportSize(width, width == 1280 ? 900 : 844);
            visit(tab, path);
            int scroll = ((Number) tab.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(scroll).as(path + " at " + width + " px").isLessThanOrEqualTo(width);
        }
    }
}
