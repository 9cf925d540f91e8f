package org.beffroi.procedures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Drafts kept for nobody are limited per address: a machine cannot fill the database with them. */
@BeffroiTest
class DraftLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    JdbcClient jdbc;

    long drafts() {
        return jdbc.sql("select count(*) from procedures_draft").query(Long.class).single();
    }

    @Test
    void aSignedOutAddressStartsThirtyDraftsAnHourAndAnotherAddressIsNotHeldBack() throws Exception {
        String slug = Residents.slug();
        Residents.publish(catalogue, slug, "ANYONE");
        long before = drafts();
        for (int i = 0; i < CatalogueController.DRAFTS_PER_HOUR_SIGNED_OUT; i++) {
            String location = mvc.perform(post("/demarches/" + slug + "/brouillons").with(csrf())
                    .with(r -> { r.setRemoteAddr("198.51.100.77"); return r; })).andReturn().getResponse()
                    .getRedirectedUrl();
            assertThat(location).contains("/brouillons/");
        }
        mvc.perform(post("/demarches/" + slug + "/brouillons").with(csrf())
                .with(r -> { r.setRemoteAddr("198.51.100.77"); return r; }))
                .andExpect(flash().attribute("refused", "procedures.start.too-many"));
        assertThat(drafts() - before).isEqualTo(CatalogueController.DRAFTS_PER_HOUR_SIGNED_OUT);

        String elsewhere = mvc.perform(post("/demarches/" + slug + "/brouillons").with(csrf())
                .with(r -> { r.setRemoteAddr("198.51.100.78"); return r; })).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(elsewhere).contains("/brouillons/");
    }
}
