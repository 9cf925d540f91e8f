package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.LONG_TEXT;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.RECIPIENT;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.TEXT;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.stereotype.Component;

/**
 * Sends a mail about the case to the resident, or to the service playing one of the workflow's functions. In the
 * subject and text, {numero} is the case's number, {demarche} the procedure's title, {suivi} the address where
 * the resident follows it and {champ:key} the answer to the field {@code key} in words (so that a service the case
 * is not assigned to gets what concerns it: a meter's number for the water service).
 */
@Component
@RequiredArgsConstructor
class MailAction implements WorkflowAction {

    static final String RESIDENT = "resident";

    private final Mailer mailer;
    private final Accounts accounts;
    private final ProcedureStore procedures;
    private final CaseHistory history;
    private final PublicAddress publicAddress;

    @Override
    public String type() {
        return "mail";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("to", RECIPIENT, true), new ActionParameter("subject", TEXT, true),
                new ActionParameter("text", LONG_TEXT, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        boolean toResident = RESIDENT.equals(step.param("to"));
        Optional<String> address = toResident ? residentAddress(target) : serviceAddress(target, step.param("to"));
        String subject = fill(step.param("subject"), target);
        if (address.isEmpty()) {
            history.append(target.id(), Entry.of(HistoryKind.MAIL, false, "— " + subject));
            return;
        }
        mailer.send(new OutgoingMail(address.get(), subject, fill(step.param("text"), target)));
        history.append(target.id(), Entry.of(HistoryKind.MAIL, toResident, subject));
    }

    private Optional<String> residentAddress(CaseInProgress target) {
        if (target.email() != null) {
            return Optional.of(target.email());
        }
        return Optional.ofNullable(target.accountId()).flatMap(accounts::find).map(a -> a.email());
    }

    private Optional<String> serviceAddress(CaseInProgress target, String function) {
        Long serviceId = procedures.functionServices(target.procedureId()).get(function);
        return Optional.ofNullable(serviceId).flatMap(accounts::service).map(AgentService::email)
                .filter(e -> !e.isBlank());
    }

    private String fill(String template, CaseInProgress target) {
        return AnswerWords.fill(template.replace("{numero}", target.number())
                .replace("{demarche}", target.definition().title())
                .replace("{suivi}", publicAddress.of("/mes-demarches/" + target.id())), target.definition(),
                target.data());
    }
}
