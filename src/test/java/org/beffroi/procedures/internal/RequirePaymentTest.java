package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.payments.NotificationOutcome;
import org.beffroi.payments.Payment;
import org.beffroi.payments.PaymentConfirmed;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.platform.Role;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * The workflow asks for a payment (the shipped parking card's "Accepter et demander le paiement"), and the case moves
 * on once the payments module confirms it: once, whatever the number of results received or events delivered. The
 * negative control switches {@link CaseDesk#paymentGuarded} off and must see the case moved on more than once.
 */
@BeffroiTest
class RequirePaymentTest {

    private static final int DELIVERIES = 50;
    private static final long AMOUNT = 2_500;

    @Autowired
    ProcedureDesks procedures;
    @Autowired
    Payments payments;
    @Autowired
    TestPaymentProvider provider;
    @Autowired
    CasePayments listener;
    @Autowired
    CaseDesk desk;
    @Autowired
    AccountRepository accounts;
    @Autowired
    JdbcClient jdbc;

    long procedure;
    long accountId;
    String email;

    @BeforeEach
    void parkingCard() {
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"paye-" + UUID.randomUUID().toString().substring(0, 8) + "\"");
        var imported = procedures.catalogue().importFile(json, true);
        assertThat(imported.problems()).isEmpty();
        procedure = imported.procedureId();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        email = "payeur-" + marker + "@exemple.fr";
        accountId = accounts.insert(email, "Jeanne " + marker, "x", AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
    }

    @AfterEach
    void guardOn() {
        guard(true);
    }

    /** The guard is a field of the desk itself, behind its transactional proxy. */
    void guard(boolean on) {
        CaseDesk target = AopTestUtils.getUltimateTargetObject(desk);
        target.paymentGuarded = on;
    }

    /** A case filed by the account, accepted with a payment asked: it waits in "paiement". */
    CaseRecord waitingForPayment() {
        var version = procedures.store().find(procedure).orElseThrow().publishedVersionId();
        var answers = Map.<String, Object>of("nom", "Jeanne Martin", "courriel", email, "adresse", "3 rue des Tilleuls",
                "immatriculation", "AB-123-CD", "usage", "personnel");
        UUID draft = procedures.drafts().start(version, accountId, Map.of());
        var filed = procedures.desk().file(draft, accountId, answers, new Filer(accountId, null, "Jeanne Martin", null));
        var waiting = procedures.desk().press(filed, "faire-payer", null);
        assertThat(waiting.status()).isEqualTo("paiement");
        return waiting;
    }

    CasePayment onlyPayment(CaseRecord c) {
        var asked = procedures.cases().payments(c.id());
        assertThat(asked).hasSize(1);
        return asked.getFirst();
    }

    long entries(CaseRecord c, HistoryKind kind) {
        return procedures.cases().history(c.id()).stream().filter(h -> h.kind() == kind).count();
    }

    long jumpsToAccepted(CaseRecord c) {
        return procedures.cases().history(c.id()).stream()
                .filter(h -> h.kind() == HistoryKind.STATUS && "acceptee".equals(h.after())).count();
    }

    String status(CaseRecord c) {
        return procedures.cases().find(c.id()).orElseThrow().status();
    }

    /** The parking card with the steps of its status "paiement" replaced. */
    org.beffroi.procedures.definition.ProcedureDefinition withPaymentSteps(
            org.beffroi.procedures.definition.ActionStep... steps) {
        var d = procedures.store().latest(procedure).orElseThrow().definition();
        var statuses = new ArrayList<>(d.workflow().statuses());
        for (int i = 0; i < statuses.size(); i++) {
            var s = statuses.get(i);
            if (s.id().equals("paiement")) {
                statuses.set(i, new org.beffroi.procedures.definition.StatusDefinition(s.id(), s.label(), s.visible(),
                        s.targetDays(), s.closed(), List.of(steps), s.buttons()));
            }
        }
        return CaseWorkflowTest.with(d, new org.beffroi.procedures.definition.WorkflowDefinition(d.workflow().initial(),
                statuses));
    }

    static org.beffroi.procedures.definition.ActionStep step(String amount, String label, String provider, String to) {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("amount", amount);
        params.put("label", label);
        params.put("provider", provider);
        params.put("to", to);
        params.values().removeIf(java.util.Objects::isNull);
        return new org.beffroi.procedures.definition.ActionStep(RequirePaymentAction.TYPE, params);
    }

    @Test
    void theDefinitionCheckRefusesTheStepWithoutItsParametersOrWithValuesThatDoNotFit() {
        assertThat(procedures.catalogue().problems(withPaymentSteps(step("25.00", "Carte", "test", "acceptee"))))
                .isEmpty();

        var missing = procedures.catalogue().problems(withPaymentSteps(step(null, null, null, null)));
        assertThat(missing).extracting(p -> p.messageKey()).containsOnly("procedures.problem.action-parameter");
        assertThat(missing).extracting(p -> p.args().get(2)).containsExactly("amount", "label", "provider", "to");
        assertThat(missing.getFirst().args()).startsWith("En attente du paiement", "require-payment");

        for (String amount : List.of("0", "-5", "12.345", "douze", "25,5,0")) {
            assertThat(procedures.catalogue().problems(withPaymentSteps(step(amount, "Carte", "test", "acceptee"))))
                    .as(amount).extracting(p -> p.messageKey()).containsExactly("procedures.problem.action-amount");
        }
        // over beffroi.payments.max-amount-cents (1000000 by default)
        var over = procedures.catalogue().problems(withPaymentSteps(step("10000.01", "Carte", "test", "acceptee")));
        assertThat(over).extracting(p -> p.messageKey()).containsExactly("procedures.problem.action-amount-maximum");
        assertThat(over.getFirst().args()).containsExactly("En attente du paiement", "require-payment", "10000.01",
                "10\u202f000,00\u00a0€");
        assertThat(procedures.catalogue().problems(withPaymentSteps(step("10000", "Carte", "test", "acceptee"))))
                .isEmpty();
        assertThat(procedures.catalogue().problems(withPaymentSteps(step("25", "Carte", "paypal", "nulle-part"))))
                .extracting(p -> p.messageKey())
                .containsExactly("procedures.problem.action-choice", "procedures.problem.action-status");
    }

    @Test
    void enteringTheStatusAsksOnePendingPaymentOfTheCaseAndEnteringItAgainAsksANewOne() {
        var waiting = waitingForPayment();
        var asked = onlyPayment(waiting);
        assertThat(asked.reference()).isEqualTo("dossier-" + waiting.id() + "-1");
        assertThat(asked.waitingStatus()).isEqualTo("paiement");
        assertThat(asked.toStatus()).isEqualTo("acceptee");

        var payment = payments.find(asked.reference()).orElseThrow();
        assertThat(payment.status()).isEqualTo(Payment.Status.PENDING);
        assertThat(payment.amountCents()).isEqualTo(AMOUNT);
        assertThat(payment.purpose()).isEqualTo("procedures-case:" + waiting.id());
        assertThat(payment.provider()).isEqualTo("test");
        assertThat(payment.label()).isEqualTo("Carte de stationnement résident");
        assertThat(payment.payerAccountId()).isEqualTo(accountId);
        assertThat(payment.payerEmail()).isEqualTo(email);
        assertThat(payment.afterPath()).isEqualTo("/mes-demarches/" + waiting.id());
        assertThat(procedures.cases().historyForResident(waiting.id()))
                .filteredOn(h -> h.kind() == HistoryKind.PAYMENT_REQUESTED).extracting(HistoryEntry::text)
                .containsExactly("25,00\u00a0€");

        // the step runs again: a new payment under a new reference, the first one still there
        procedures.desk().press(procedures.cases().find(waiting.id()).orElseThrow(), "relancer", null);
        assertThat(procedures.cases().payments(waiting.id())).extracting(CasePayment::reference)
                .containsExactly("dossier-" + waiting.id() + "-1", "dossier-" + waiting.id() + "-2");
        assertThat(payments.find("dossier-" + waiting.id() + "-2").orElseThrow().status())
                .isEqualTo(Payment.Status.PENDING);
    }

    @Test
    void aSignedPaidResultMovesTheCaseOnOnceEvenWhenTheEventIsDeliveredAgain() {
        var waiting = waitingForPayment();
        var asked = onlyPayment(waiting);

        assertThat(payments.record(TestPaymentProvider.ID, provider.result(asked.reference(), AMOUNT, Outcome.PAID)))
                .isEqualTo(NotificationOutcome.CONFIRMED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(waiting).equals("acceptee"));
        assertThat(procedures.cases().historyForResident(waiting.id()))
                .filteredOn(h -> h.kind() == HistoryKind.PAYMENT_RECEIVED).extracting(HistoryEntry::text)
                .containsExactly("25,00\u00a0€");
        // the status paid for ran its steps: the card is made
        assertThat(procedures.cases().documentsForResident(waiting.id())).hasSize(1);

        // the same event delivered twice more (a redelivery after a crash, another node)
        var payment = payments.find(asked.reference()).orElseThrow();
        var event = new PaymentConfirmed(payment.id(), payment.reference(), payment.amountCents(), payment.purpose(),
                payment.confirmedAt());
        assertThat(listener.received(event)).isFalse();
        assertThat(listener.received(event)).isFalse();
        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isEqualTo(1);
        assertThat(jumpsToAccepted(waiting)).isEqualTo(1);
        assertThat(procedures.cases().documentsForResident(waiting.id())).hasSize(1);
    }

    @Test
    void aRefusedResultLeavesTheCaseWaiting() {
        var waiting = waitingForPayment();
        var asked = onlyPayment(waiting);

        assertThat(payments.record(TestPaymentProvider.ID, provider.result(asked.reference(), AMOUNT, Outcome.REFUSED)))
                .isEqualTo(NotificationOutcome.REFUSED);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> status(waiting).equals("paiement"));
        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isZero();
        assertThat(procedures.cases().payments(waiting.id()).getFirst().paidAt()).isNull();
    }

    @Test
    void aPaymentForSomethingElseThanACaseIsNotOurs() {
        var waiting = waitingForPayment();
        var asked = onlyPayment(waiting);
        assertThat(listener.received(new PaymentConfirmed(1, asked.reference(), AMOUNT, "tickets-order:" + waiting.id(),
                null))).isFalse();
        // a reference that is not this case's
        assertThat(listener.received(new PaymentConfirmed(1, "dossier-0-1", AMOUNT, "procedures-case:" + waiting.id(),
                null))).isFalse();
        assertThat(status(waiting)).isEqualTo("paiement");
        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isZero();
    }

    @Test
    void fiftyResultsRecordedAtOnceMoveTheCaseOnOnce() throws Exception {
        var waiting = waitingForPayment();
        var asked = onlyPayment(waiting);
        var result = provider.result(asked.reference(), AMOUNT, Outcome.PAID);

        var outcomes = atOnce(() -> payments.record(TestPaymentProvider.ID, result));
        assertThat(outcomes).hasSize(DELIVERIES);

        assertThat(outcomes.stream().filter(o -> o == NotificationOutcome.CONFIRMED)).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(waiting).equals("acceptee")
                && procedures.cases().payments(waiting.id()).getFirst().paidAt() != null);
        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isEqualTo(1);
        assertThat(jumpsToAccepted(waiting)).isEqualTo(1);
    }

    @Test
    void fiftyDeliveriesOfTheEventAtOnceMoveTheCaseOnOnce() throws Exception {
        var waiting = waitingForPayment();
        var event = event(waiting);

        var moved = atOnce(() -> listener.received(event));
        assertThat(moved).hasSize(DELIVERIES);

        assertThat(moved.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isEqualTo(1);
        assertThat(jumpsToAccepted(waiting)).isEqualTo(1);
        assertThat(status(waiting)).isEqualTo("acceptee");
    }

    @Test
    void withoutTheGuardTheSameDeliveriesMoveTheCaseOnMoreThanOnce() throws Exception {
        guard(false);
        var waiting = waitingForPayment();
        var event = event(waiting);

        atOnce(() -> listener.received(event));

        assertThat(entries(waiting, HistoryKind.PAYMENT_RECEIVED)).isGreaterThan(1);
        assertThat(jumpsToAccepted(waiting)).isGreaterThan(1);
    }

    private PaymentConfirmed event(CaseRecord waiting) {
        var asked = onlyPayment(waiting);
        return new PaymentConfirmed(1, asked.reference(), asked.amountCents(), "procedures-case:" + waiting.id(),
                null);
    }

    /** The same call from {@value #DELIVERIES} threads released together; the results of those that did not fail. */
    private <T> List<T> atOnce(Supplier<T> call) throws Exception {
        var ready = new CountDownLatch(DELIVERIES);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        try (ExecutorService threads = Executors.newFixedThreadPool(DELIVERIES)) {
            for (int i = 0; i < DELIVERIES; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.get();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                try {
                    results.add(future.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    // counted by the caller: fewer results than calls
                }
            }
            return results;
        }
    }
}
