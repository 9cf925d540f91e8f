package org.beffroi.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.beffroi.platform.Addresses;
import org.beffroi.platform.Commune;
import org.beffroi.platform.internal.AddressFile;
import org.beffroi.platform.internal.JdbcAddresses;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commune's addresses: imported from the national base's CSV or a Base Adresse Locale by the administrator,
 * refused whole for a bad line, and offered by the maps' search. The demo's addresses are put back after each test.
 */
@BeffroiTest
class CommuneAddressesTest {

    private static final String BAN_HEADER = "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;"
            + "code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;"
            + "libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Commune commune;

    @Autowired
    Addresses addresses;

    @Autowired
    JdbcAddresses store;

    @Autowired
    JdbcClient jdbc;

    private List<String> streetsBefore;
    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        streetsBefore = commune.streets();
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    @AfterEach
    void restore() throws Exception {
        commune.update(commune.settings(), streetsBefore);
        try (var demo = getClass().getResourceAsStream("/platform/demo-adresses.csv")) {
            store.replaceAll(AddressFile.read(demo).rows(), "demo-adresses.csv");
        }
    }

    @Test
    void theNationalBasesFileReplacesTheAddressesAndTheListOfStreets() throws Exception {
        String file = BAN_HEADER
                + "01999_0100_00001;;1;;rue des Lavandières;01999;01999;Belvoir;;;;;5.331000;46.106000;entrée;;;;;;;1;\n"
                + "01999_0100_00012;;12;bis;rue des Lavandières;01999;01999;Belvoir;;;;;5.331200;46.106100;entrée;;;;;;;1;\n"
                + "01999_0100_00012;;12;bis;rue des Lavandières;01999;01999;Belvoir;;;;;5.339999;46.109999;entrée;;;;;;;1;\n"
                + "01999_0200_00003;;3;;place de l’Église;01999;01999;Belvoir;;;;;5.328000;46.104000;entrée;;;;;;;1;\n"
                + "01999_0300_99999;;99999;;lieu-dit Les Essarts;01999;01999;Belvoir;;;;;5.350000;46.090000;;;;;;;;1;\n";
        upload(file, true).andExpect(redirectedUrl("/admin/commune/adresses"));

        assertThat(addresses.count()).as("the repeated address kept once").isEqualTo(4);
        assertThat(commune.streets()).containsExactly("rue des Lavandières", "place de l’Église", "lieu-dit Les Essarts");
        var twelve = addresses.locate("RUE DES LAVANDIERES", "12bis").orElseThrow();
        assertThat(twelve.label()).isEqualTo("12 bis rue des Lavandières");
        assertThat(twelve.latitude()).isEqualTo(46.1061);
        assertThat(twelve.longitude()).isEqualTo(5.3312);
        // the street alone, or a number the file does not have: the middle of its addresses
        var street = addresses.locate("rue des Lavandières", "40").orElseThrow();
        assertThat(street.latitude()).isCloseTo(46.10605, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(addresses.locate("lieu-dit les Essarts", null).orElseThrow().number()).isEmpty();
        assertThat(addresses.locate("rue de Nulle-Part", "1")).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'platform.addresses-imported'")
                .query(Integer.class).single()).isPositive();
        mvc.perform(get("/admin/commune/adresses").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("4 adresses connues.")))
                .andExpect(content().string(containsString("adresses-01999.csv")));
    }

    @Test
    void aBaseAdresseLocaleIsReadTooAndTheStreetsAreKeptWhenAsked() throws Exception {
        commune.update(commune.settings(), List.of("rue des Tilleuls"));
        String file = "uid_adresse;cle_interop;commune_insee;commune_nom;voie_nom;numero;suffixe;position;x;y;long;lat;"
                + "cad_parcelles;source;date_der_maj;certification_commune\n"
                + ";01999_0100_00005;01999;Belvoir;chemin des Vignes;5;;entrée;;;5,3401;46,1101;;commune;2026-01-10;1\n"
                + ";01999_0100_00005_a;01999;Belvoir;chemin des Vignes;5;a;entrée;;;5,3402;46,1102;;commune;2026-01-10;1\n";
        upload(file, false).andExpect(redirectedUrl("/admin/commune/adresses"));
        assertThat(addresses.count()).isEqualTo(2);
        assertThat(addresses.locate("chemin des Vignes", "5 a").orElseThrow().latitude()).isEqualTo(46.1102);
        assertThat(commune.streets()).containsExactly("rue des Tilleuls");
    }

    @Test
    void aFileWithABadLineIsRefusedWholeWithTheLineNamedAndNothingChanges() throws Exception {
        int before = addresses.count();
        upload(BAN_HEADER + "a;;1;;rue A;01999;01999;B;;;;;5.33;46.1;;;;;;;;1;\n"
                + "b;;2;;rue A;01999;01999;B;;;;;cinq;46.1;;;;;;;;1;\n"
                + "c;;deux;;rue A;01999;01999;B;;;;;5.33;46.1;;;;;;;;1;\n", true)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ligne 3 : la latitude ou la longitude n’est pas un nombre valable.")))
                .andExpect(content().string(containsString("Ligne 4 : le numéro n’est pas un numéro")));
        upload("nom;prenom\nDupont;Jean\n", true).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Les colonnes ne sont pas celles d’un fichier d’adresses")));
        byte[] latin1 = (BAN_HEADER + "a;;1;;chemin du Pr\u00e9;01999;01999;B;;;;;5.33;46.1;;;;;;;;1;\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/admin/commune/adresses").file(new MockMultipartFile("file", "a.csv", "text/csv", latin1))
                .cookie(admin).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le fichier n’est pas en UTF-8")));
        mvc.perform(multipart("/admin/commune/adresses").cookie(admin).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le fichier CSV des adresses.")));
        assertThat(addresses.count()).isEqualTo(before);
        assertThat(commune.streets()).isEqualTo(streetsBefore);
    }

    @Test
    void onlyTheAdministratorsImportAddresses() throws Exception {
        var agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
        mvc.perform(get("/admin/commune/adresses").cookie(agent)).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/commune/adresses").file(file(BAN_HEADER)).cookie(agent).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/commune/adresses")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theMapsSearchOffersAddressesAndStreetsWithTheirPoints() throws Exception {
        JsonNode numbered = search("12 bis rue des til");
        assertThat(numbered).hasSize(1);
        assertThat(numbered.get(0).get("label").asString()).isEqualTo("12 bis rue des Tilleuls");
        assertThat(numbered.get(0).get("latitude").asDouble()).isBetween(46.0, 46.2);
        // the street's words alone: each street once, at the middle of its addresses; accents and case ignored
        assertThat(search("TILLEULS").valueStream().map(n -> n.get("label").asString()).toList())
                .containsExactly("allée des Tilleuls", "rue des Tilleuls");
        assertThat(search("eglise").get(0).get("label").asString()).isEqualTo("place de l’Église");
        assertThat(search("ti")).isEmpty();
        assertThat(search("%")).isEmpty();
        mvc.perform(get("/adresses.json").param("q", "x".repeat(101))).andExpect(status().isBadRequest());
    }

    private JsonNode search(String typed) throws Exception {
        return JSON.readTree(mvc.perform(get("/adresses.json").param("q", typed)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions upload(String content, boolean replaceStreets) throws Exception {
        return mvc.perform(multipart("/admin/commune/adresses").file(file(content))
                .param("replaceStreets", Boolean.toString(replaceStreets)).cookie(admin).with(csrf()));
    }

    private static MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "adresses-01999.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
