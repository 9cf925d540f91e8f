package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rejected applicant's data, CV and letter included, is erased two years (730 days) after the answer. */
@BeffroiTest
class CandidateErasureTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    ShippedProcedures shipped;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    long attachments(long caseId) {
        return jdbc.sql("select count(*) from procedures_attachment where case_id = ?").param(caseId)
                .query(Long.class).single();
    }

    CaseRecord apply(long procedure, String name) {
        String email = "candidat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var filed = shipped.file(procedure, Map.of("offre", "2026-07", "nom", name, "courriel", email, "telephone",
                "06 00 00 00 00", "message", "Permis B et CACES."), email, name);
        // the CV and the letter, as the resident's upload attaches them to the case
        for (String field : new String[] {"cv", "lettre"}) {
            jdbc.sql("""
                    insert into procedures_attachment (id, case_id, field_key, file_id, created_at)
                    values (?, ?, ?, ?, ?)""").params(UUID.randomUUID(), filed.id(), field, UUID.randomUUID(),
                    OffsetDateTime.now()).update();
        }
        return filed;
    }

    @Test
    void aRejectedApplicationIsErasedAfter730DaysAndAnAcceptedOneIsNot() {
        long procedure = shipped.importAs("candidature-emploi", Map.of());
        var rejected = procedures.desk().press(apply(procedure, "Alex Refusé"), "refuser", null);
        var hired = procedures.desk().press(procedures.desk().press(apply(procedure, "Sam Retenu"), "entretien", null),
                "retenir", null);
        assertThat(rejected.status()).isEqualTo("refusee");
        assertThat(hired.status()).isEqualTo("retenue");

        try {
            clock.advance(Duration.ofDays(729));
            procedures.desk().runDueTimers();
            assertThat(procedures.cases().find(rejected.id()).orElseThrow().anonymisedAt()).isNull();
            assertThat(attachments(rejected.id())).isEqualTo(2);

            clock.advance(Duration.ofDays(2));
            procedures.desk().runDueTimers();
        } finally {
            clock.reset();
        }
        var erased = procedures.cases().find(rejected.id()).orElseThrow();
        assertThat(erased.anonymisedAt()).isNotNull();
        assertThat(erased.data()).isEmpty();
        assertThat(erased.email()).isNull();
        assertThat(erased.displayName()).isNull();
        assertThat(attachments(rejected.id())).isZero();
        assertThat(erased.number()).isEqualTo(rejected.number());
        assertThat(erased.status()).isEqualTo("refusee");

        // the one hired is kept (the procedure's retention applies to it, not this timer)
        var kept = procedures.cases().find(hired.id()).orElseThrow();
        assertThat(kept.anonymisedAt()).isNull();
        assertThat(kept.data()).containsEntry("nom", "Sam Retenu");
        assertThat(attachments(hired.id())).isEqualTo(2);
    }
}
