package org.beffroi.procedures.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The procedures' builder through its pages, signed in as the demo administrator: import and export, publication
 * refused with its reasons, one version per change, cases kept on their version, the parameter forms drawn from
 * the actions' declarations, bad input sent back, and every route closed to an agent.
 */
@BeffroiTest
class ProcedureBuilderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureStore store;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    DraftDesk drafts;
    @Autowired
    CaseDesk desk;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    static String parkingCard(String slug) {
        return DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"" + slug + "\"");
    }

    static String slug() {
        return "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions upload(byte[] bytes, boolean publish) throws Exception {
        var request = multipart("/admin/demarches/import")
                .file(new MockMultipartFile("file", "demarche.json", "application/json", bytes)).cookie(admin)
                .with(csrf());
        if (publish) {
            request.param("publish", "true");
        }
        return mvc.perform(request);
    }

    /** The parking card imported through the page, under a slug of its own; its id. */
    long imported(boolean publish) throws Exception {
        String slug = slug();
        upload(parkingCard(slug).getBytes(StandardCharsets.UTF_8), publish).andExpect(status().is3xxRedirection());
        return store.findBySlug(slug).orElseThrow().id();
    }

    ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(admin).with(csrf()));
    }

    ProcedureDefinition latest(long id) {
        return store.latest(id).orElseThrow().definition();
    }

    int versions(long id) {
        return store.versions(id).size();
    }

    @Test
    void theParkingCardImportedUnderAnotherSlugIsExportedAsItCame() throws Exception {
        String slug = slug();
        String file = parkingCard(slug);
        upload(file.getBytes(StandardCharsets.UTF_8), true).andExpect(status().is3xxRedirection());
        var procedure = store.findBySlug(slug).orElseThrow();
        assertThat(procedure.published()).isTrue();

        var exported = mvc.perform(get("/admin/demarches/" + procedure.id() + "/export").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + slug + ".json\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(DefinitionJson.read(exported)).contains(DefinitionJson.read(file).orElseThrow());

        mvc.perform(get("/admin/demarches").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Demander une carte de stationnement résident")))
                .andExpect(content().string(containsString(slug + ".json")));
        mvc.perform(get("/admin/demarches/" + procedure.id()).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Services qui traitent la démarche")));
    }

    @Test
    void aFileThatIsNotAProcedureIsRefusedInWords() throws Exception {
        upload("{\"pas\": \"une démarche\"}".getBytes(StandardCharsets.UTF_8), true).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce fichier n’est pas une démarche au format Beffroi")));
        upload(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, false).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("n’est pas un texte encodé en UTF-8")));
        upload(new byte[(int) ProcedureAdminController.MAX_FILE_BYTES + 1], false).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le fichier dépasse")));
        // an invalid definition is refused with what is wrong in it
        String broken = parkingCard(slug()).replace("\"field\" : \"usage\"", "\"field\" : \"absent\"");
        upload(broken.getBytes(StandardCharsets.UTF_8), true).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("s’affiche selon le champ « absent », qui n’existe pas")));
    }

    @Test
    void anInvalidDefinitionIsNotPublishedAndThePublishedVersionStays() throws Exception {
        long id = imported(true);
        long published = store.find(id).orElseThrow().publishedVersionId();
        // the status "acceptee" goes, while the button "Accepter" still jumps to it; the field "usage" goes, while
        // "attestation" is shown on it
        send(post("/admin/demarches/" + id + "/circuit/statuts/acceptee/suppression")).andExpect(status().is3xxRedirection());
        send(post("/admin/demarches/" + id + "/formulaire/champs/usage/suppression")).andExpect(status().is3xxRedirection());

        send(post("/admin/demarches/" + id + "/publication")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("La version n’est pas publiée")))
                .andExpect(content().string(containsString(
                        "Statut « Reçue », bouton « Accepter » : le statut « acceptee » n’existe pas.")))
                .andExpect(content().string(containsString(
                        "Le champ « Attestation de l’employeur » s’affiche selon le champ « usage », qui n’existe pas.")));
        assertThat(store.find(id).orElseThrow().publishedVersionId()).isEqualTo(published);
    }

    @Test
    void aNewProcedureStartsFromASkeletonThatCanBePublished() throws Exception {
        String title = "Badge de la déchetterie " + UUID.randomUUID().toString().substring(0, 6);
        send(post("/admin/demarches/nouvelle").param("title", title).param("category", "WASTE"))
                .andExpect(status().is3xxRedirection());
        var procedure = store.all().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
        assertThat(procedure.slug()).startsWith("badge-de-la-dechetterie-");
        assertThat(latest(procedure.id()).workflow().statuses()).extracting(s -> s.label())
                .containsExactly("Reçue", "Traitée");
        send(post("/admin/demarches/" + procedure.id() + "/publication"))
                .andExpect(redirectedUrl("/admin/demarches/" + procedure.id()));
        assertThat(store.find(procedure.id()).orElseThrow().published()).isTrue();

        // the same address again is refused, next to the field
        send(post("/admin/demarches/nouvelle").param("title", "Autre").param("slug", procedure.slug())
                .param("category", "WASTE")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Une autre démarche a déjà cette adresse.")));
        send(post("/admin/demarches/nouvelle").param("title", "Autre").param("slug", "Pas Valable!")
                .param("category", "WASTE")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"Pas Valable!\"")));
    }

    @Test
    void eachChangeOfTheBuilderSavesExactlyOneVersion() throws Exception {
        long id = imported(false);
        String form = "/admin/demarches/" + id + "/formulaire";
        String circuit = "/admin/demarches/" + id + "/circuit";
        List<MockHttpServletRequestBuilder> changes = List.of(
                post(form + "/reglages").param("title", "Carte de stationnement").param("category", "STREETS")
                        .param("access", "SIGNED_IN").param("retentionDays", "365").param("lifeEvents", "MOVING_IN")
                        .param("functions", "instruction\nvoirie"),
                post(form + "/pages").param("title", "Pièces"),
                post(form + "/pages/3").param("title", "Les pièces"),
                post(form + "/pages/3/deplacement").param("sens", "haut"),
                post(form + "/pages/2/champs").param("type", "NUMBER"),
                post(form + "/champs/number").param("key", "places").param("label", "Nombre de places")
                        .param("min", "1").param("max", "4").param("required", "true"),
                post(form + "/champs/places/deplacement").param("sens", "bas"),
                post(form + "/pages/1/champs").param("type", "REPEATABLE"),
                post(form + "/champs/repeatable/champs").param("type", "TEXT"),
                post(form + "/champs/places/suppression"),
                post(form + "/pages/2/suppression"),
                post(circuit + "/statuts").param("label", "En instruction"),
                post(circuit + "/statuts/en-instruction").param("statusId", "instruction").param("label", "En instruction")
                        .param("visible", "true").param("targetDays", "5"),
                post(circuit + "/statuts/recue/boutons").param("label", "Instruire").param("to", "instruction"),
                post(circuit + "/statuts/recue/boutons/instruire").param("buttonId", "instruire").param("label", "Mettre à l’étude")
                        .param("to", "instruction").param("asksResident", "false"),
                post(circuit + "/statuts/recue/boutons/instruire/suppression"),
                post(circuit + "/statuts/instruction/actions").param("type", "assign").param("params[function]", "voirie"),
                post(circuit + "/statuts/instruction/actions").param("type", "jump-after").param("params[days]", "15")
                        .param("params[to]", "classee"),
                post(circuit + "/statuts/instruction/actions/2").param("params[days]", "20").param("params[to]", "refusee"),
                post(circuit + "/statuts/instruction/actions/2/deplacement").param("sens", "haut"),
                post(circuit + "/statuts/instruction/actions/1/suppression"),
                post(circuit + "/statuts/instruction/deplacement").param("sens", "haut"),
                post(circuit + "/statuts/instruction/initial"),
                post(circuit + "/statuts/recue/initial"),
                post(circuit + "/statuts/instruction/suppression"));
        for (var change : changes) {
            int before = versions(id);
            send(change).andExpect(status().is3xxRedirection());
            assertThat(versions(id)).as(change.toString()).isEqualTo(before + 1);
        }
        var d = latest(id);
        assertThat(d.title()).isEqualTo("Carte de stationnement");
        assertThat(d.functions()).containsExactly("instruction", "voirie");
        assertThat(d.pages()).extracting(p -> p.title()).containsExactly("Vous", "Le véhicule");
        assertThat(d.field("repeatable").orElseThrow().fields()).extracting(f -> f.type()).containsExactly(FieldType.TEXT);
        assertThat(d.workflow().initial()).isEqualTo("recue");
        assertThat(d.workflow().status("instruction")).isEmpty();
        // mapping the functions to services changes no version
        int before = versions(id);
        send(post("/admin/demarches/" + id + "/services").param("services[instruction]", "")).andExpect(status().is3xxRedirection());
        assertThat(versions(id)).isEqualTo(before);
    }

    @Test
    void aCaseFiledBeforeAChangeStaysOnItsVersion() throws Exception {
        long id = imported(true);
        long version = store.find(id).orElseThrow().publishedVersionId();
        var answers = Map.<String, Object>of("nom", "Jeanne Martin", "courriel", "jeanne@example.org", "adresse",
                "3 rue des Tilleuls", "immatriculation", "AB-123-CD", "usage", "personnel");
        UUID draft = drafts.start(version, null, Map.of());
        var filed = desk.file(draft, null, answers, new Filer(null, "jeanne@example.org", "Jeanne Martin", null));
        // the list counts it
        var list = Jsoup.parse(mvc.perform(get("/admin/demarches").cookie(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var cells = list.select("tr:has(a[href=\"/admin/demarches/" + id + "\"]) td").eachText();
        assertThat(cells.subList(1, 4)).containsExactly("version 1", "version 1", "1");

        // the button "Refuser" goes from "Reçue", and the new version is published
        send(post("/admin/demarches/" + id + "/circuit/statuts/recue/boutons/refuser/suppression"))
                .andExpect(status().is3xxRedirection());
        send(post("/admin/demarches/" + id + "/publication")).andExpect(status().is3xxRedirection());
        assertThat(store.find(id).orElseThrow().publishedVersionId()).isNotEqualTo(version);
        assertThat(latest(id).workflow().status("recue").orElseThrow().buttons()).extracting(b -> b.id())
                .doesNotContain("refuser");

        assertThat(filed.versionId()).isEqualTo(version);
        var refused = desk.press(filed, "refuser", null);
        assertThat(refused.status()).isEqualTo("refusee");
        assertThat(refused.versionId()).isEqualTo(version);
    }

    @Test
    void aNewActionTypeGetsItsParameterFormAndItsStepSavesAndPassesTheCheck() throws Exception {
        long id = imported(false);
        String status = "/admin/demarches/" + id + "/circuit/statuts/recue";
        mvc.perform(get(status).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + StampAction.TYPE + "\"")));
        String page = mvc.perform(get(status + "/actions/nouvelle").param("type", StampAction.TYPE).cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var form = Jsoup.parse(page).selectFirst("form[action$=/actions]");
        assertThat(form).isNotNull();
        assertThat(control(form, "params[note]")).extracting(e -> e.tagName(), e -> e.attr("type"), e -> e.hasAttr("required"))
                .containsExactly("input", "text", true);
        assertThat(control(form, "params[body]")).extracting(e -> e.tagName(), e -> e.hasAttr("required"))
                .containsExactly("textarea", false);
        assertThat(control(form, "params[days]")).extracting(e -> e.tagName(), e -> e.attr("type"))
                .containsExactly("input", "number");
        assertThat(control(form, "params[then]").select("option").eachAttr("value"))
                .containsExactly("", "recue", "complement", "acceptee", "refusee", "classee", "paiement");
        assertThat(control(form, "params[by]").select("option").eachAttr("value")).containsExactly("", "instruction");
        assertThat(control(form, "params[to]").select("option").eachText())
                .containsExactly("Choisir…", "la personne (resident)", "instruction");
        // each control has its label
        form.select("input[name^=params], textarea, select").forEach(control ->
                assertThat(form.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1));

        int before = versions(id);
        send(post(status + "/actions").param("type", StampAction.TYPE).param("params[note]", "")
                .param("params[days]", "trois").param("params[then]", "nulle-part").param("params[to]", "resident"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce paramètre est obligatoire.")))
                .andExpect(content().string(containsString("Écrivez un nombre de jours entier")))
                .andExpect(content().string(containsString("Choisissez parmi les valeurs proposées.")))
                .andExpect(content().string(containsString("value=\"trois\"")));
        assertThat(versions(id)).isEqualTo(before);

        send(post(status + "/actions").param("type", StampAction.TYPE).param("params[note]", "Tamponné")
                .param("params[body]", "Ligne 1\r\nLigne 2").param("params[days]", "3").param("params[then]", "complement")
                .param("params[by]", "instruction").param("params[to]", "resident"))
                .andExpect(redirectedUrl(status));
        var d = latest(id);
        var step = d.workflow().status("recue").orElseThrow().actions().getLast();
        assertThat(step.type()).isEqualTo(StampAction.TYPE);
        assertThat(step.params()).containsEntry("note", "Tamponné").containsEntry("body", "Ligne 1\nLigne 2")
                .containsEntry("days", "3").containsEntry("then", "complement").containsEntry("by", "instruction")
                .containsEntry("to", "resident");
        assertThat(catalogue.problems(d)).isEmpty();
        send(post("/admin/demarches/" + id + "/publication")).andExpect(status().is3xxRedirection());
        mvc.perform(get(status + "/actions/3").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Tamponné\"")));
    }

    static org.jsoup.nodes.Element control(org.jsoup.nodes.Element form, String name) {
        var found = form.getElementsByAttributeValue("name", name);
        assertThat(found).as(name).hasSize(1);
        return found.getFirst();
    }

    @Test
    void badInputComesBackWithTheFormKeptAndTheMessageNextToTheField() throws Exception {
        long id = imported(false);
        String form = "/admin/demarches/" + id + "/formulaire";
        int before = versions(id);
        send(post(form + "/champs/immatriculation").param("key", "Nom Complet").param("label", "")
                .param("pattern", "[a-").param("min", "5").param("max", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"Nom Complet\"")))
                .andExpect(content().string(containsString("value=\"[a-\"")))
                .andExpect(content().string(containsString("L’identifiant commence par une lettre")))
                .andExpect(content().string(containsString("Ce motif n’est pas une expression régulière valable.")))
                .andExpect(content().string(containsString("Le maximum est inférieur au minimum.")))
                .andExpect(content().string(containsString("id=\"label-error\"")));
        send(post(form + "/champs/immatriculation").param("key", "nom").param("label", "Immatriculation"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un autre champ du formulaire a déjà cet identifiant.")));
        send(post(form + "/champs/usage").param("key", "usage").param("label", "Usage").param("choices", "\n \n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Proposez au moins une réponse.")));
        send(post(form + "/champs/attestation").param("key", "attestation").param("label", "Attestation")
                .param("conditionField", "absent").param("conditionValue", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un autre champ du formulaire.")));
        send(post(form + "/champs/carte-grise").param("key", "carte-grise").param("label", "Carte grise")
                .param("maxMegabytes", "5")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Cochez au moins un des types proposés.")));
        send(post(form + "/champs/carte-grise").param("key", "carte-grise").param("label", "Carte grise")
                .param("fileTypes", "application/zip").param("maxMegabytes", "500")).andExpect(status().isBadRequest());
        send(post(form + "/reglages").param("title", " ").param("category", "STREETS").param("access", "ANYONE")
                .param("retentionDays", "0").param("functions", "Mauvaise Fonction"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"0\"")))
                .andExpect(content().string(containsString("Mauvaise Fonction")));
        send(post(form + "/pages/1").param("title", "")).andExpect(status().isBadRequest());
        String circuit = "/admin/demarches/" + id + "/circuit";
        send(post(circuit + "/statuts/recue").param("statusId", "complement").param("label", "Reçue"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un autre statut a déjà cet identifiant.")));
        send(post(circuit + "/statuts/recue/boutons").param("label", "").param("to", "nulle-part"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un statut du circuit.")));
        send(post(circuit + "/statuts/complement/actions/2").param("params[days]", "0").param("params[to]", "classee"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"0\"")));
        assertThat(versions(id)).isEqualTo(before);

        // a changed key carries the conditions that named it
        send(post(form + "/champs/usage").param("key", "vehicule").param("label", "Le véhicule est")
                .param("required", "true").param("choices", "personnel|à vous\nprofessionnel|de fonction"))
                .andExpect(redirectedUrl(form + "/champs/vehicule"));
        assertThat(latest(id).field("attestation").orElseThrow().showWhen().field()).isEqualTo("vehicule");
        send(post(form + "/champs/carte-grise").param("key", "carte-grise").param("label", "Carte grise")
                .param("required", "true").param("fileTypes", "application/pdf", "image/png").param("maxMegabytes", "5"))
                .andExpect(status().is3xxRedirection());
        var file = latest(id).field("carte-grise").orElseThrow().file();
        assertThat(file.types()).containsExactly("application/pdf", "image/png");
        assertThat(file.maxMegabytes()).isEqualTo(5);
        assertThat(catalogue.problems(latest(id))).isEmpty();
    }

    @Test
    void thePreviewShowsTheLatestFormReadOnly() throws Exception {
        long id = imported(false);
        mvc.perform(get("/admin/demarches/" + id + "/apercu").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Immatriculation")))
                .andExpect(content().string(containsString("Page 2 sur 2")))
                .andExpect(content().string(containsString("disabled")))
                .andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .select("main form")).as("forms in the preview").isEmpty());
    }

    @Test
    void everyRouteIsClosedToAnAgentAndUnknownIdsAnswer404() throws Exception {
        long id = imported(false);
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        String p = "/admin/demarches/" + id;
        for (String path : List.of("/admin/demarches", p, p + "/export", p + "/apercu", p + "/formulaire",
                p + "/formulaire/champs/nom", p + "/circuit", p + "/circuit/statuts/recue",
                p + "/circuit/statuts/recue/actions/1", p + "/circuit/statuts/recue/actions/nouvelle?type=mail")) {
            mvc.perform(get(path).cookie(agent)).andExpect(status().isForbidden());
        }
        for (String path : List.of("/admin/demarches/nouvelle", "/admin/demarches/import", p + "/publication",
                p + "/retrait", p + "/services", p + "/formulaire/reglages", p + "/formulaire/pages",
                p + "/formulaire/pages/1", p + "/formulaire/champs/nom", p + "/formulaire/champs/nom/suppression",
                p + "/circuit/statuts", p + "/circuit/statuts/recue/suppression",
                p + "/circuit/statuts/recue/boutons", p + "/circuit/statuts/recue/actions")) {
            mvc.perform(post(path).cookie(agent).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(versions(id)).isEqualTo(1);

        String unknown = "/admin/demarches/999999999";
        for (String path : List.of(unknown, unknown + "/export", unknown + "/apercu", unknown + "/formulaire",
                unknown + "/circuit", p + "/formulaire/champs/absent", p + "/circuit/statuts/absent",
                p + "/circuit/statuts/recue/actions/9", p + "/circuit/statuts/recue/actions/0",
                p + "/circuit/statuts/recue/actions/nouvelle?type=teleport")) {
            mvc.perform(get(path).cookie(admin)).andExpect(status().isNotFound());
        }
        for (String path : List.of(unknown + "/publication", unknown + "/retrait", p + "/formulaire/pages/9",
                p + "/formulaire/pages/9/suppression", p + "/formulaire/pages/0/deplacement",
                p + "/formulaire/champs/absent/suppression", p + "/formulaire/champs/absent/deplacement",
                p + "/circuit/statuts/absent/suppression", p + "/circuit/statuts/absent/initial",
                p + "/circuit/statuts/recue/boutons/absent", p + "/circuit/statuts/recue/boutons/absent/suppression",
                p + "/circuit/statuts/recue/actions/9/suppression", p + "/circuit/statuts/recue/actions/9/deplacement")) {
            send(post(path).param("title", "Titre").param("label", "Libellé").param("to", "recue"))
                    .andExpect(status().isNotFound());
        }
        send(post(p + "/formulaire/pages/9/champs").param("type", "TEXT")).andExpect(status().isNotFound());
        send(post(p + "/formulaire/champs/nom/champs").param("type", "TEXT")).andExpect(status().isNotFound());
        send(post(p + "/circuit/statuts/recue/actions").param("type", "teleport")).andExpect(status().isNotFound());
        assertThat(versions(id)).isEqualTo(1);
    }
}
