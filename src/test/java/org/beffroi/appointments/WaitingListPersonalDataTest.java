package org.beffroi.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.WaitingList;
import org.beffroi.platform.DataSubject;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person's waiting-list entries are in the export of their data, and erased with it; others' are left. */
@BeffroiTest
class WaitingListPersonalDataTest {

    @Autowired
    AppointmentsModule module;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Counters counters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEntriesAreExportedAndErasedWithThePersonsData() {
        String slug = "pd-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        var type = counters.type(counters.createType(counter, slug, "Carte d’identité", 20, 2, 60, 1, false))
                .orElseThrow();
        long account = 900_000L + (long) (Math.random() * 100_000);
        String email = "donnees-" + UUID.randomUUID() + "@exemple.fr";
        String other = "autre-" + UUID.randomUUID() + "@exemple.fr";
        waitingList.join(type, "Camille Martin", email, "06 00 00 00 00", account);
        waitingList.join(type, "Dominique Petit", other, null, account + 1);
        var subject = new DataSubject(account, email);

        @SuppressWarnings("unchecked")
        var exported = (List<Map<String, Object>>) module.exportPersonalData(subject).get("waitingList");
        assertThat(exported).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("email", email).containsEntry("phone", "06 00 00 00 00")
                    .containsEntry("status", "WAITING");
        });

        module.erasePersonalData(subject);

        assertThat(jdbc.sql("select count(*) from appointments_waiting where email = ?").param(email).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from appointments_waiting where email = ?").param(other).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(module.exportPersonalData(subject)).doesNotContainKey("waitingList");
    }
}
