package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo installed from older files takes the files shipped now as new versions at its next start, unless an
 * administrator saved a version of their own since.
 */
@BeffroiTest
class DemoProceduresTest {

    @Autowired
    DemoProcedures demo;
    @Autowired
    ProcedureStore store;
    @Autowired
    TransactionTemplate transaction;

    static ProcedureDefinition retitled(ProcedureDefinition d, String title) {
        return new ProcedureDefinition(d.format(), d.slug(), title, d.summary(), d.category(), d.lifeEvents(),
                d.access(), d.retentionDays(), d.functions(), d.pages(), d.workflow());
    }

    @Test
    void anOlderInstalledFileIsReplacedByANewVersionAndAnAdministratorsOneIsKept() {
        var shipped = ShippedProcedures.definition("encombrants");
        long id = store.findBySlug("encombrants").orElseThrow().id();
        var functions = store.functionServices(id);

        // as installed from an older file
        transaction.executeWithoutResult(s -> {
            var older = store.addVersion(id, retitled(shipped, "Encombrants (ancien fichier)"), null, Instant.now());
            store.publish(id, older.id());
        });
        transaction.executeWithoutResult(s -> demo.seed());
        var latest = store.latest(id).orElseThrow();
        assertThat(latest.definition()).isEqualTo(shipped);
        assertThat(store.find(id).orElseThrow().publishedVersionId()).isEqualTo(latest.id());
        assertThat(store.functionServices(id)).isEqualTo(functions);

        // seeded again: nothing new
        transaction.executeWithoutResult(s -> demo.seed());
        assertThat(store.latest(id).orElseThrow().id()).isEqualTo(latest.id());

        // an administrator's version stays
        transaction.executeWithoutResult(s -> store.addVersion(id, retitled(shipped, "Nos encombrants"), 1L,
                Instant.now()));
        transaction.executeWithoutResult(s -> demo.seed());
        assertThat(store.latest(id).orElseThrow().definition().title()).isEqualTo("Nos encombrants");
        // back as shipped, for the other tests
        transaction.executeWithoutResult(s -> {
            var again = store.addVersion(id, shipped, null, Instant.now());
            store.publish(id, again.id());
        });
    }
}
