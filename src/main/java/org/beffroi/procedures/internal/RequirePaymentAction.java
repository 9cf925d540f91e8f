package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.AMOUNT;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.CHOICE;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.STATUS;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.TEXT;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.payments.NewPayment;
import org.beffroi.payments.Payments;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.payments.Euros;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asks the person to pay ({@code amount} in euros, {@code label}, through {@code provider}) when the case enters the
 * status; the case waits there until the payment is confirmed, then goes to {@code to} ({@link CasePayments}). Each
 * run asks a new payment, referenced {@code dossier-<case id>-<n>}: entering the status again asks again.
 */
@Component
@RequiredArgsConstructor
class RequirePaymentAction implements WorkflowAction {

    static final String TYPE = "require-payment";
    /** What a payment asked by a case pays for, in the payments module: {@code procedures-case:<id>}. */
    static final String PURPOSE = "procedures-case:";

    private final Payments payments;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final CaseHistory history;
    private final Clock clock;
    private final MessageSource messages;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("amount", AMOUNT, true, List.of(), payments.maxAmountCents()),
                new ActionParameter("label", TEXT, true),
                new ActionParameter("provider", CHOICE, true, payments.providers(), null),
                new ActionParameter("to", STATUS, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        var amount = Euros.read(step.param("amount"), payments.maxAmountCents());
        String provider = step.param("provider");
        String label = step.param("label") == null ? "" : step.param("label").strip();
        if (!amount.accepted() || !payments.providers().contains(provider) || label.isEmpty() || label.length() > 200) {
            // the published definition was checked; a setting changed since (the maximum, a provider withdrawn)
            history.append(target.id(), Entry.of(HistoryKind.NOTE, false,
                    messages.getMessage("procedures.payment.not-requested", null, Locale.FRENCH)));
            return;
        }
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from procedures_case_payment where case_id = ?")
                .param(target.id()).query(Integer.class).single();
        String reference = "dossier-" + target.id() + "-" + sequence;
        jdbc.sql("""
                insert into procedures_case_payment (case_id, sequence, reference, amount_cents, label, waiting_status,
                to_status, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(target.id(), sequence, reference, amount.cents(), label, target.status(), step.param("to"),
                        CaseStore.at(clock.instant()))
                .update();
        payments.create(new NewPayment(reference, amount.cents(), label, PURPOSE + target.id(), provider,
                payerEmail(target).orElse(null), target.accountId(), "/mes-demarches/" + target.id()));
        history.append(target.id(), Entry.of(HistoryKind.PAYMENT_REQUESTED, true, Euros.words(amount.cents())));
    }

    private Optional<String> payerEmail(CaseInProgress target) {
        if (target.email() != null && !target.email().isBlank()) {
            return Optional.of(target.email());
        }
        return Optional.ofNullable(target.accountId()).flatMap(accounts::find).map(a -> a.email());
    }
}
