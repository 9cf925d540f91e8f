package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.testing.SignIn;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/** A procedure made for the resident side's tests, and residents to file it. */
final class Residents {

    static final String PASSWORD = "le beffroi sonne midi";

    /** A signed-in resident: their account, address and session. */
    record Resident(long id, String email, String name, Cookie session) {
    }

    private Residents() {
    }

    static String slug() {
        return "essai-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Resident resident(MockMvc mvc, AccountRepository accounts, PasswordEncoder encoder) throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "habitant-" + marker + "@exemple.fr";
        String name = "Camille " + marker;
        long id = accounts.insert(email, name, encoder.encode(PASSWORD), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        return new Resident(id, email, name, SignIn.as(mvc, email, PASSWORD));
    }

    static Cookie signIn(MockMvc mvc, Resident resident) throws Exception {
        return SignIn.as(mvc, resident.email(), PASSWORD);
    }

    /** Publishes the test procedure under the slug, open to {@code access} (ANYONE, SIGNED_IN, VERIFIED). */
    static long publish(ProcedureCatalogue catalogue, String slug, String access) {
        var imported = catalogue.importFile(definition(slug, access), true);
        assertThat(imported.problems()).isEmpty();
        return imported.procedureId();
    }

    static String definition(String slug, String access) {
        return """
                {
                  "format" : "beffroi-procedure/1",
                  "slug" : "%s",
                  "title" : "Inscription à l’atelier %s",
                  "summary" : "Inscrivez votre foyer à l’atelier de jardinage partagé.",
                  "category" : "CHILDHOOD",
                  "lifeEvents" : [ "CHILD" ],
                  "access" : "%s",
                  "retentionDays" : 365,
                  "functions" : [ "instruction" ],
                  "pages" : [ {
                    "title" : "Vous",
                    "fields" : [
                      { "key" : "nom", "type" : "TEXT", "label" : "Nom et prénom", "required" : true, "prefill" : "NAME", "max" : 120 },
                      { "key" : "telephone", "type" : "PHONE", "label" : "Téléphone", "hint" : "Pour vous joindre la veille." },
                      { "key" : "naissance", "type" : "DATE", "label" : "Date de naissance", "max" : 0 },
                      { "key" : "formule", "type" : "SINGLE_CHOICE", "label" : "Formule", "required" : true,
                        "choices" : [ { "value" : "matin", "label" : "le matin" }, { "value" : "soir", "label" : "le soir" } ] },
                      { "key" : "horaire", "type" : "TEXT", "label" : "Heure d’arrivée", "required" : true,
                        "pattern" : "[0-9]{1,2}h[0-9]{0,2}", "patternMessage" : "Écrivez l’heure comme 18h30.",
                        "showWhen" : { "field" : "formule", "equals" : "soir" } }
                    ]
                  }, {
                    "title" : "Votre foyer",
                    "fields" : [
                      { "key" : "intro", "type" : "COMMENT", "label" : "Dites-nous qui vient avec vous." },
                      { "key" : "personnes", "type" : "NUMBER", "label" : "Nombre de personnes", "required" : true, "min" : 1, "max" : 6 },
                      { "key" : "enfants", "type" : "REPEATABLE", "label" : "Enfant", "maxRepeat" : 2,
                        "fields" : [ { "key" : "prenom", "type" : "TEXT", "label" : "Prénom", "required" : true } ] },
                      { "key" : "envies", "type" : "MULTIPLE_CHOICE", "label" : "Vos envies",
                        "choices" : [ { "value" : "semis", "label" : "Semis" }, { "value" : "taille", "label" : "Taille" } ] },
                      { "key" : "message", "type" : "LONG_TEXT", "label" : "Un mot pour l’animatrice" },
                      { "key" : "justificatif", "type" : "FILE", "label" : "Justificatif de domicile", "hint" : "PDF, 10 Mo au plus.",
                        "showWhen" : { "field" : "formule", "equals" : "soir" }, "required" : true },
                      { "key" : "accord", "type" : "CHECKBOX", "label" : "J’accepte le règlement de l’atelier", "required" : true }
                    ]
                  } ],
                  "workflow" : {
                    "initial" : "recue",
                    "statuses" : [ {
                      "id" : "recue", "label" : "Reçue", "visible" : true,
                      "buttons" : [ { "id" : "demander", "label" : "Demander une précision", "to" : "complement", "asksResident" : true } ]
                    }, {
                      "id" : "complement", "label" : "En attente de votre réponse", "visible" : true
                    } ]
                  }
                }
                """.formatted(slug, slug, access);
    }
}
