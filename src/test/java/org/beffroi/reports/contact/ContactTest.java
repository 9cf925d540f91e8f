package org.beffroi.reports.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.SecureTokens;
import org.beffroi.reports.ReportSamples;
import org.beffroi.reports.ReportsModule;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Writing to the town hall over HTTP: signed out (the thread reaches the agents once the mailed link's page is
 * confirmed, the same link then shows the thread and takes replies), signed in (under « Mon compte »); the agents'
 * inbox, answer (mailed) and status, audited; every bad input answered 400 with its message next to the field and
 * what was typed kept; the rate limit per address; 404 for someone else's thread, 403 for the wrong role; the topics;
 * personal data.
 */
@BeffroiTest
class ContactTest {

    static final String AGENT = "agent@belvoir.example";
    static final String AGENT_PASSWORD = "belvoir-agent-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ReportsModule module;
    @Autowired
    Clock clock;

    long topic() {
        return jdbc.sql("select id from reports_contact_topic where name = 'Urbanisme'").query(Long.class).single();
    }

    MockHttpServletRequestBuilder writing(String topic, String subject, String message, String email) {
        var request = post("/contact").with(csrf()).with(RemoteAddresses.another());
        if (topic != null) {
            request.param("topicId", topic);
        }
        request.param("subject", subject).param("message", message);
        if (email != null) {
            request.param("email", email);
        }
        return request;
    }

    long threadOf(String email) {
        return jdbc.sql("select max(id) from reports_contact_thread where email = ?").param(email).query(Long.class)
                .single();
    }

    String page(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
        return mvc.perform(request.cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }


    @Test
    void aResidentWithoutAnAccountWritesConfirmsReadsTheAnswerAndReplies() throws Exception {
        String email = ReportSamples.email("contact");
        mvc.perform(writing(Long.toString(topic()), "Permis de construire", "Quels documents pour une véranda ?", email)
                .param("name", "Camille Martin")).andExpect(redirectedUrl("/contact/envoye"));
        long id = threadOf(email);
        var agent = SignIn.as(mvc, AGENT, AGENT_PASSWORD);
        // not confirmed: the agents do not see it
        mvc.perform(get("/admin/contact/" + id).cookie(agent)).andExpect(status().isNotFound());
        assertThat(page(get("/admin/contact").param("sujet", Long.toString(topic())), agent))
                .doesNotContain("/admin/contact/" + id + "\"");

        String link = Mailbox.awaitLink(email, "/contact/suivi");
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        assertThat(jdbc.sql("select token_hash from reports_contact_thread where id = ?").param(id).query(String.class)
                .single()).isEqualTo(SecureTokens.digest(token)).isNotEqualTo(token);
        // the link's page asks to confirm; following it confirms nothing
        mvc.perform(get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/contact/suivi/confirmation")));
        mvc.perform(get("/admin/contact/" + id).cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/contact/suivi/confirmation").param("jeton", token).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/contact/suivi/confirmation").param("jeton", "faux").with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/contact/suivi").param("jeton", "faux")).andExpect(status().isNotFound());

        // the agent finds it by topic and status, and answers
        assertThat(page(get("/admin/contact").param("sujet", Long.toString(topic())).param("statut", "NEW"), agent))
                .contains("/admin/contact/" + id + "\"");
        assertThat(page(get("/admin/contact/" + id), agent)).contains("Quels documents pour une véranda ?")
                .contains(email).contains("Camille Martin");
        mvc.perform(post("/admin/contact/" + id + "/reponse").cookie(agent).with(csrf()).param("answer", " "))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"answer-error\"")));
        mvc.perform(post("/admin/contact/" + id + "/reponse").cookie(agent).with(csrf())
                .param("answer", "Un plan et une photo suffisent.")).andExpect(status().is3xxRedirection());
        Mailbox.awaitBodyWith(email, "Un plan et une photo suffisent.");
        assertThat(page(get("/admin/contact").param("statut", "ANSWERED"), agent)).contains("/admin/contact/" + id + "\"");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.contact-answered'"
                + " and target = ?").param("contact:" + id).query(Long.class).single()).isEqualTo(1);

        // the resident reads it by the link and replies; a blank reply comes back
        mvc.perform(get("/contact/suivi").param("jeton", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Un plan et une photo suffisent.")));
        mvc.perform(post("/contact/suivi/reponse").param("jeton", token).param("message", "").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"message-error\"")));
        mvc.perform(post("/contact/suivi/reponse").param("jeton", token).param("message", "Merci, et pour un abri ?")
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/contact/" + id), agent)).contains("Merci, et pour un abri ?");
        assertThat(jdbc.sql("select status from reports_contact_thread where id = ?").param(id).query(String.class)
                .single()).isEqualTo("NEW");

        // the agent closes it; a status that does not exist is not found
        mvc.perform(post("/admin/contact/" + id + "/statut").cookie(agent).with(csrf()).param("status", "CLOSED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/contact/" + id + "/statut").cookie(agent).with(csrf()).param("status", "PERDU"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from reports_contact_thread where id = ?").param(id).query(String.class)
                .single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.contact-status-changed'"
                + " and target = ?").param("contact:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSignedInResidentWritesAndFindsTheExchangeUnderTheirAccountAndNobodyElseDoes() throws Exception {
        String email = ReportSamples.resident(accounts, encoder, "compte");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        mvc.perform(post("/contact").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("topicId", Long.toString(topic())).param("subject", "Clôture")
                .param("message", "Quelle hauteur pour une clôture ?")).andExpect(status().is3xxRedirection());
        long id = threadOf(email);
        // signed in: the agents see it at once
        var agent = SignIn.as(mvc, AGENT, AGENT_PASSWORD);
        mvc.perform(post("/admin/contact/" + id + "/reponse").cookie(agent).with(csrf())
                .param("answer", "Two metres at most.")).andExpect(status().is3xxRedirection());
        assertThat(Mailbox.awaitBodyWith(email, "Two metres at most."))
                .contains("/mon-compte/messages/" + id);
        assertThat(page(get("/mon-compte/messages"), session)).contains("/mon-compte/messages/" + id + "\"");
        assertThat(page(get("/mon-compte"), session)).contains("/mon-compte/messages/" + id + "\"");
        assertThat(page(get("/mon-compte/messages/" + id), session)).contains("Two metres at most.");
        mvc.perform(post("/mon-compte/messages/" + id + "/reponse").cookie(session).with(csrf())
                .param("message", "x".repeat(4001))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"message-error\"")));
        mvc.perform(post("/mon-compte/messages/" + id + "/reponse").cookie(session).with(csrf())
                .param("message", "Merci.")).andExpect(redirectedUrl("/mon-compte/messages/" + id));

        // someone else's thread, an unknown or malformed id: not found
        var other = SignIn.as(mvc, ReportSamples.resident(accounts, encoder, "autre"), ReportSamples.PASSWORD);
        mvc.perform(get("/mon-compte/messages/" + id).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(post("/mon-compte/messages/" + id + "/reponse").cookie(other).with(csrf()).param("message", "Moi"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/mon-compte/messages/999999999").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/mon-compte/messages/abc").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/contact/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/contact/abc").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/contact/abc/reponse").cookie(agent).with(csrf()).param("answer", "Oui"))
                .andExpect(status().isNotFound());
        // a resident is not an agent
        mvc.perform(get("/admin/contact").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/contact/" + id + "/reponse").cookie(session).with(csrf()).param("answer", "Non"))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputComesBackWithItsMessageNextToTheFieldAndNothingIsStored() throws Exception {
        String email = ReportSamples.email("erreurs-contact");
        String topic = Long.toString(topic());
        mvc.perform(writing(null, "Objet garde", "Message garde", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"topicId-error\"")))
                .andExpect(content().string(containsString("value=\"Objet garde\"")))
                .andExpect(content().string(containsString("Message garde")));
        mvc.perform(writing("999999999", "Objet", "Message", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"topicId-error\"")));
        mvc.perform(writing("abc", "Objet", "Message", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"topicId-error\"")));
        mvc.perform(writing(topic, " ", "Message", email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"subject-error\"")));
        String tooLong = "a".repeat(4001);
        mvc.perform(writing(topic, "Objet", tooLong, email)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"message-error\"")))
                .andExpect(content().string(containsString(tooLong)));
        mvc.perform(writing(topic, "Objet", "Message", null)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")));
        mvc.perform(writing(topic, "Objet", "Message", "pas-une-adresse")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("value=\"pas-une-adresse\"")));
        jdbc.sql("update reports_contact_topic set active = false where name = 'État civil'").update();
        try {
            long setAside = jdbc.sql("select id from reports_contact_topic where name = 'État civil'")
                    .query(Long.class).single();
            mvc.perform(get("/contact")).andExpect(content().string(org.hamcrest.Matchers.not(
                    containsString("value=\"" + setAside + "\""))));
            mvc.perform(writing(Long.toString(setAside), "Objet", "Message", email)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"topicId-error\"")));
        } finally {
            jdbc.sql("update reports_contact_topic set active = true where name = 'État civil'").update();
        }
        assertThat(jdbc.sql("select count(*) from reports_contact_thread where email = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAddressThatFloodsIsToldToWait() throws Exception {
        String email = ReportSamples.email("pressee-contact");
        String topic = Long.toString(topic());
        for (int i = 0; i < 5; i++) {
            mvc.perform(writing(topic, "Objet " + i, "Message", email)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(writing(topic, "Objet garde", "Message", email)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de messages")))
                .andExpect(content().string(containsString("value=\"Objet garde\"")));
        assertThat(jdbc.sql("select count(*) from reports_contact_thread where email = ?").param(email)
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theAdministratorSetsTheTopicsAndTheirService() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String name = "Cimetière " + System.nanoTime();
        mvc.perform(post("/admin/contact/sujets").cookie(admin).with(csrf()).param("name", name).param("active", "true"))
                .andExpect(redirectedUrl("/admin/contact/sujets"));
        mvc.perform(post("/admin/contact/sujets").cookie(admin).with(csrf()).param("name", name.toUpperCase()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"name-error\"")));
        mvc.perform(post("/admin/contact/sujets").cookie(admin).with(csrf()).param("name", "Autre").param("serviceId",
                "999999999")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"serviceId-error\"")));
        long id = jdbc.sql("select id from reports_contact_topic where name = ?").param(name).query(Long.class).single();
        assertThat(page(get("/admin/contact/sujets/" + id), admin)).contains(name);
        mvc.perform(get("/admin/contact/sujets/999999999").cookie(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/contact/sujets/abc").cookie(admin).with(csrf()).param("name", "X"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.contact-topic-created'"
                + " and target = ?").param("contact-topic:" + id).query(Long.class).single()).isEqualTo(1);
        var agent = SignIn.as(mvc, AGENT, AGENT_PASSWORD);
        mvc.perform(get("/admin/contact/sujets").cookie(agent)).andExpect(status().isForbidden());
    }

    @Test
    void anAgentMovesAThreadToAnotherTopicAndItJoinsThatServicesInbox() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String serviceName = "Écoles " + System.nanoTime();
        jdbc.sql("insert into identity_service (name) values (?)").param(serviceName).update();
        long service = jdbc.sql("select id from identity_service where name = ?").param(serviceName).query(Long.class)
                .single();
        String name = "Cantine " + System.nanoTime();
        mvc.perform(post("/admin/contact/sujets").cookie(admin).with(csrf()).param("name", name)
                .param("serviceId", Long.toString(service)).param("active", "true"))
                .andExpect(redirectedUrl("/admin/contact/sujets"));
        long moved = jdbc.sql("select id from reports_contact_topic where name = ?").param(name).query(Long.class)
                .single();
        String email = ReportSamples.resident(accounts, encoder, "transfert");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        mvc.perform(post("/contact").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("topicId", Long.toString(topic())).param("subject", "Menus de la cantine")
                .param("message", "Où trouver les menus du mois ?")).andExpect(status().is3xxRedirection());
        long id = threadOf(email);
        var agent = SignIn.as(mvc, AGENT, AGENT_PASSWORD);
        assertThat(page(get("/admin/contact").param("service", Long.toString(service)), agent))
                .doesNotContain("/admin/contact/" + id + "\"");

        mvc.perform(post("/admin/contact/" + id + "/sujet").cookie(agent).with(csrf())
                .param("topicId", Long.toString(moved))).andExpect(redirectedUrl("/admin/contact/" + id));
        assertThat(page(get("/admin/contact").param("service", Long.toString(service)), agent))
                .contains("/admin/contact/" + id + "\"");
        assertThat(page(get("/admin/contact").param("sujet", Long.toString(topic())), agent))
                .doesNotContain("/admin/contact/" + id + "\"");
        assertThat(page(get("/mon-compte/messages/" + id), session)).contains(name);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.contact-moved'"
                + " and target = ? and details = ?").params("contact:" + id, "contact-topic:" + moved)
                .query(Long.class).single()).isEqualTo(1);

        // an unknown or malformed topic or thread: not found, nothing moved; a resident is not an agent
        for (String[] wrong : new String[][] {{Long.toString(id), "999999999"}, {Long.toString(id), "abc"},
                {Long.toString(id), ""}, {"999999999", Long.toString(topic())}, {"abc", Long.toString(topic())}}) {
            mvc.perform(post("/admin/contact/" + wrong[0] + "/sujet").cookie(agent).with(csrf())
                    .param("topicId", wrong[1])).andExpect(status().isNotFound());
        }
        mvc.perform(post("/admin/contact/" + id + "/sujet").cookie(session).with(csrf())
                .param("topicId", Long.toString(topic()))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select topic_id from reports_contact_thread where id = ?").param(id).query(Long.class)
                .single()).isEqualTo(moved);
    }

    @Test
    void anAgentTakesAThreadInHandAColleagueTakesItOverAndTheInboxSaysWhoHasIt() throws Exception {
        String email = ReportSamples.resident(accounts, encoder, "prise-en-charge");
        var session = SignIn.as(mvc, email, ReportSamples.PASSWORD);
        mvc.perform(post("/contact").cookie(session).with(csrf()).with(RemoteAddresses.another())
                .param("topicId", Long.toString(topic())).param("subject", "Haie du chemin des Vignes")
                .param("message", "La haie déborde sur le trottoir.")).andExpect(status().is3xxRedirection());
        long id = threadOf(email);
        String link = "/admin/contact/" + id + "\"";
        var agent = SignIn.as(mvc, AGENT, AGENT_PASSWORD);
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        long agentId = accountId(AGENT);
        String agentName = displayName(AGENT);
        String adminName = displayName("admin@belvoir.example");
        assertThat(page(get("/admin/contact/" + id), agent)).contains("Personne").contains(">Prendre en charge<")
                .doesNotContain("Ne plus le prendre en charge");
        assertThat(row(page(get("/admin/contact").param("attribution", "personne"), agent), link)).contains("Personne");

        mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(agent).with(csrf())
                .param("decision", "prendre")).andExpect(redirectedUrl("/admin/contact/" + id));
        assertThat(page(get("/admin/contact/" + id), agent)).contains(agentName).contains("Ne plus le prendre en charge")
                .doesNotContain(">Prendre en charge<");
        assertThat(page(get("/admin/contact").param("attribution", "moi"), agent)).contains(link);
        assertThat(page(get("/admin/contact").param("attribution", "moi"), admin)).doesNotContain(link);
        assertThat(page(get("/admin/contact").param("attribution", "personne"), agent)).doesNotContain(link);
        assertThat(row(page(get("/admin/contact"), admin), link)).contains(agentName);

        // a colleague takes it over (an agent away): the page and the inbox name the colleague, the audit the first
        assertThat(page(get("/admin/contact/" + id), admin)).contains(agentName).contains(">Prendre en charge<")
                .doesNotContain("Ne plus le prendre en charge");
        mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(admin).with(csrf())
                .param("decision", "prendre")).andExpect(redirectedUrl("/admin/contact/" + id));
        assertThat(row(page(get("/admin/contact"), agent), link)).contains(adminName).doesNotContain(agentName);
        assertThat(page(get("/admin/contact").param("attribution", "moi"), agent)).doesNotContain(link);
        assertThat(jdbc.sql("select details from platform_audit_log where action = 'reports.contact-taken'"
                + " and target = ? order by id").param("contact:" + id).query(String.class).list())
                .containsExactly(null, "account:" + agentId);
        // the first agent, on a page shown before, lets go: it stays the colleague's, and they are told
        var stale = mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(agent).with(csrf())
                .param("decision", "laisser")).andExpect(redirectedUrl("/admin/contact/" + id)).andReturn();
        assertThat(stale.getFlashMap().get("saved")).isEqualTo("contact.office.taken-meanwhile");
        assertThat(page(get("/admin/contact").param("attribution", "moi"), admin)).contains(link);

        mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(admin).with(csrf())
                .param("decision", "laisser")).andExpect(redirectedUrl("/admin/contact/" + id));
        assertThat(page(get("/admin/contact").param("attribution", "moi"), admin)).doesNotContain(link);
        assertThat(page(get("/admin/contact").param("attribution", "personne"), agent)).contains(link);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'reports.contact-released'"
                + " and target = ?").param("contact:" + id).query(Long.class).single()).isEqualTo(1);

        // an unknown decision or thread: not found, nothing changed; a resident is not an agent; no token, refused
        for (String[] wrong : new String[][] {{Long.toString(id), "donner"}, {Long.toString(id), ""},
                {"999999999", "prendre"}, {"abc", "prendre"}}) {
            mvc.perform(post("/admin/contact/" + wrong[0] + "/prise-en-charge").cookie(agent).with(csrf())
                    .param("decision", wrong[1])).andExpect(status().isNotFound());
        }
        mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(session).with(csrf())
                .param("decision", "prendre")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/contact/" + id + "/prise-en-charge").cookie(agent).param("decision", "prendre"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from reports_contact_thread where id = ? and assigned_account_id is null")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    /** The inbox's row that links to the thread. */
    private static String row(String inbox, String link) {
        int at = inbox.indexOf(link);
        assertThat(at).as("the inbox lists " + link).isNotNegative();
        return inbox.substring(inbox.lastIndexOf("<tr", at), inbox.indexOf("</tr>", at));
    }

    private long accountId(String email) {
        return jdbc.sql("select id from identity_account where email = ?").param(email).query(Long.class).single();
    }

    private String displayName(String email) {
        return jdbc.sql("select display_name from identity_account where email = ?").param(email).query(String.class)
                .single();
    }

    @Test
    void anErasedAgentNoLongerHoldsTheThreadsTheyHadTaken() throws Exception {
        String email = ReportSamples.email("agent-efface");
        mvc.perform(writing(Long.toString(topic()), "Lampadaire rue Haute", "Il clignote.", email))
                .andExpect(status().is3xxRedirection());
        long id = threadOf(email);
        jdbc.sql("update reports_contact_thread set assigned_account_id = ? where id = ?").params(424242L, id).update();

        module.erasePersonalData(new DataSubject(424242L, null));

        assertThat(jdbc.sql("select count(*) from reports_contact_thread where id = ? and assigned_account_id is null")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPersonsThreadsAreExportedAndErased() throws Exception {
        String email = ReportSamples.email("donnees-contact");
        mvc.perform(writing(Long.toString(topic()), "Mes données", "Un message à exporter.", email))
                .andExpect(status().is3xxRedirection());
        var subject = new DataSubject(-1, email);
        assertThat(module.exportPersonalData(subject).toString()).contains("Un message à exporter.").contains(email);
        module.erasePersonalData(subject);
        assertThat(module.exportPersonalData(subject).toString()).doesNotContain("Un message à exporter.");
        assertThat(jdbc.sql("select count(*) from reports_contact_thread where email = ?").param(email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void retentionDeletesUnconfirmedThreadsAfterAWeekAndAllThreadsThreeYearsAfterTheirLastMessage() throws Exception {
        String topic = Long.toString(topic());
        String unconfirmed = ReportSamples.email("retention-a");
        String old = ReportSamples.email("retention-b");
        String recent = ReportSamples.email("retention-c");
        for (String email : new String[] {unconfirmed, old, recent}) {
            mvc.perform(writing(topic, "Objet", "Message", email)).andExpect(status().is3xxRedirection());
        }
        jdbc.sql("update reports_contact_thread set confirmed_at = created_at where email in (?, ?)")
                .params(old, recent).update();
        Instant now = clock.instant();
        module.applyRetention();
        assertThat(countOf(unconfirmed) + countOf(old) + countOf(recent)).isEqualTo(3);
        jdbc.sql("update reports_contact_thread set created_at = ? where email = ?")
                .params(Timestamp.from(now.minus(Duration.ofDays(8))), unconfirmed).update();
        jdbc.sql("update reports_contact_thread set last_message_at = ? where email = ?")
                .params(Timestamp.from(now.minus(Duration.ofDays(3 * 365 + 1))), old).update();
        module.applyRetention();
        assertThat(countOf(unconfirmed)).isZero();
        assertThat(countOf(old)).isZero();
        assertThat(countOf(recent)).isEqualTo(1);
    }

    @Test
    void anExpiredLinkOpensNothing() throws Exception {
        String email = ReportSamples.email("lien-expire");
        mvc.perform(writing(Long.toString(topic()), "Objet", "Message", email)).andExpect(status().is3xxRedirection());
        String token = Mailbox.awaitLink(email, "/contact/suivi").replaceAll(".*jeton=", "");
        mvc.perform(get("/contact/suivi").param("jeton", token)).andExpect(status().isOk());
        jdbc.sql("update reports_contact_thread set token_expires_at = ? where email = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), email).update();
        mvc.perform(get("/contact/suivi").param("jeton", token)).andExpect(status().isNotFound());
        mvc.perform(post("/contact/suivi/confirmation").param("jeton", token).with(csrf()))
                .andExpect(status().isNotFound());
    }

    long countOf(String email) {
        return jdbc.sql("select count(*) from reports_contact_thread where email = ?").param(email).query(Long.class)
                .single();
    }
}
