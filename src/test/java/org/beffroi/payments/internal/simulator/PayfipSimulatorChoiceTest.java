package org.beffroi.payments.internal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.beffroi.platform.PublicAddress;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 20 choices of the same operation at once at the PayFiP simulator (pay and refuse, alternately): one caller records
 * its choice and the operation holds that choice. The negative control turns the guard of
 * {@link PayfipSimulator#record} off (read, pause, write without condition) and must see several callers each
 * believe they chose: the test can tell.
 */
@BeffroiTest
class PayfipSimulatorChoiceTest {

    private static final int CHOICES = 20;

    @Autowired
    PayfipSimulator simulator;

    @Autowired
    PublicAddress site;

    @AfterEach
    void guardBack() {
        simulator.guarded = true;
    }

    @Test
    void twentyChoicesAtOnceRecordOne() throws Exception {
        String idop = operation();

        var chosen = chooseAtOnce(idop);

        assertThat(chosen.stream().filter(c -> c != null)).hasSize(1);
        var winner = chosen.stream().filter(c -> c != null).findFirst().orElseThrow();
        assertThat(simulator.find(idop).orElseThrow().resultrans()).isEqualTo(winner.resultrans);
    }

    @Test
    void withoutTheGuardSeveralCallersEachBelieveTheyChose() throws Exception {
        simulator.guarded = false;
        String idop = operation();

        var chosen = chooseAtOnce(idop);

        assertThat(chosen.stream().filter(c -> c != null).count()).isGreaterThan(1);
    }

    /** Each caller's choice if it believes it recorded it, null otherwise. */
    private List<PayfipSimulator.Choice> chooseAtOnce(String idop) throws Exception {
        var ready = new CountDownLatch(CHOICES);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<PayfipSimulator.Choice>>();
        try (ExecutorService threads = Executors.newFixedThreadPool(CHOICES)) {
            for (int i = 0; i < CHOICES; i++) {
                var choice = i % 2 == 0 ? PayfipSimulator.Choice.PAY : PayfipSimulator.Choice.REFUSE;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return simulator.record(idop, choice) ? choice : null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            var chosen = new ArrayList<PayfipSimulator.Choice>();
            for (var future : futures) {
                chosen.add(future.get(60, TimeUnit.SECONDS));
            }
            return chosen;
        }
    }

    private String operation() throws PayfipSimulator.Fault {
        var arguments = new LinkedHashMap<String, String>();
        arguments.put("exer", "2026");
        arguments.put("mel", "choix@exemple.fr");
        arguments.put("montant", "700");
        arguments.put("numcli", "000000");
        arguments.put("objet", "Piscine");
        arguments.put("refdet", "CHOIX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        arguments.put("saisie", "T");
        arguments.put("urlnotif", site.of("/paiements/notification/payfip"));
        arguments.put("urlredirect", site.of("/paiements/retour/payfip"));
        return simulator.create(arguments);
    }
}
