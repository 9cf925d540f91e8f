package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The water-meter reading procedure compares each reading with the previous case of the same meter: a reading that
 * went down, or rose more than 2 m³ a day, goes to "à vérifier" and the resident is asked to check it.
 */
@BeffroiTest
class ReadingCheckTest {

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Autowired
    ShippedProcedures shipped;
    long procedure;
    String meter;
    String email;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    CaseRecord reading(String meterAsTyped, String index) {
        return shipped.file(procedure, Map.of("nom", "Hélène Petit", "courriel", email, "adresse",
                "17 rue de la Source", "compteur", meterAsTyped, "index", index, "date-releve", "2026-03-01"),
                email, "Hélène Petit");
    }

    void setUp() {
        procedure = shipped.importAs("releve-compteur-eau", Map.of());
        meter = "21B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        email = "releve-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    long pendingTimers(long caseId) {
        return jdbc.sql("select count(*) from procedures_timer where case_id = ? and not done").param(caseId)
                .query(Long.class).single();
    }

    java.util.List<String> mailSubjects(long caseId) {
        return procedures.cases().history(caseId).stream().filter(h -> h.kind() == HistoryKind.MAIL)
                .map(HistoryEntry::text)
                .toList();
    }

    @Test
    void aPlausibleSecondReadingIsRecordedAndALowerOneGoesToCheck() {
        setUp();
        var first = reading(meter, "1500");
        assertThat(first.status()).isEqualTo("recue");
        assertThat(procedures.cases().history(first.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.NOTE);

        clock.advance(Duration.ofDays(30));
        // the same meter written another way: 40 m³ in 30 days, under 2 a day
        var second = reading(meter.toLowerCase().substring(0, 3) + " " + meter.substring(3), "1540");
        assertThat(second.status()).isEqualTo("recue");
        assertThat(procedures.cases().history(second.id())).filteredOn(h -> h.kind() == HistoryKind.NOTE)
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.forResident()).isFalse();
                    assertThat(note.text()).contains("1\u202f540", "1\u202f500", first.number(), "vraisemblable");
                });
        assertThat(mailSubjects(second.id())).anyMatch(s -> s.contains("est enregistré"));
        assertThat(pendingTimers(second.id())).isEqualTo(1);

        clock.advance(Duration.ofDays(10));
        var third = reading(meter, "1530");
        assertThat(third.status()).isEqualTo("a-verifier");
        assertThat(third.visibleStatus()).isEqualTo("a-verifier");
        assertThat(procedures.cases().history(third.id())).filteredOn(h -> h.kind() == HistoryKind.NOTE).singleElement()
                .satisfies(note -> assertThat(note.text()).contains("1\u202f530", "inférieur", "1\u202f540",
                        second.number()));
        // the resident is asked to check it; the steps left in "reçu" (the "recorded" mail, the jump) did not run
        assertThat(mailSubjects(third.id())).anyMatch(s -> s.contains("pouvez-vous le vérifier"))
                .noneMatch(s -> s.contains("est enregistré"));
        assertThat(pendingTimers(third.id())).isZero();
        assertThat(third.serviceId()).isNotNull();
    }

    @Test
    void aReadingRisingTooFastGoesToCheckAndAnotherMeterIsNotComparedWithIt() {
        setUp();
        var first = reading(meter, "200");
        clock.advance(Duration.ofDays(3));
        var leak = reading(meter, "215");
        assertThat(leak.status()).isEqualTo("a-verifier");
        assertThat(procedures.cases().history(leak.id())).filteredOn(h -> h.kind() == HistoryKind.NOTE).singleElement()
                .satisfies(note -> assertThat(note.text()).contains("hausse de 15", "3 jour", "au-delà de 2",
                        first.number()));

        var otherMeter = reading("77X" + UUID.randomUUID().toString().substring(0, 6), "5");
        assertThat(otherMeter.status()).isEqualTo("recue");
        assertThat(procedures.cases().history(otherMeter.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.NOTE);

        // the agent checked with the resident: the reading is right (a leak), and is recorded
        assertThat(procedures.desk().press(leak, "valider", null).status()).isEqualTo("enregistre");
    }

    @Test
    void anAnonymisedCaseIsNoLongerAPreviousReading() {
        setUp();
        var first = reading(meter, "900");
        procedures.desk().eraseAllOf(new org.beffroi.platform.DataSubject(-1L, email));
        assertThat(jdbc.sql("select count(*) from procedures_meter_reading where case_id = ?").param(first.id())
                .query(Long.class).single()).isZero();
        clock.advance(Duration.ofDays(5));
        assertThat(reading(meter, "100").status()).isEqualTo("recue");
    }
}
