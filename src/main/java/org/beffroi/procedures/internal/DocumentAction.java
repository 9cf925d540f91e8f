package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.FLAG;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.LONG_TEXT;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.TEXT;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Text;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a PDF document when the case enters the status (the parking card, the civil-status extract) and keeps it
 * with the case; the history records it. In the text, {numero} is the case's number, {demarche} the procedure's
 * title, {date} the day it is made and {champ:key} the answer to the field {@code key} (a choice's label, a date
 * in words). {@code for-resident} ("true" unless "false"): the resident downloads it from their account.
 */
@Component
@RequiredArgsConstructor
class DocumentAction implements WorkflowAction {

    private final JdbcClient jdbc;
    private final CaseHistory history;
    private final Commune commune;
    private final Clock clock;

    @Override
    public String type() {
        return "document";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("title", TEXT, true), new ActionParameter("text", LONG_TEXT, true),
                new ActionParameter("for-resident", FLAG, false));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        String title = fill(step.param("title"), target);
        String text = fill(step.param("text"), target);
        var settings = commune.settings();
        byte[] pdf = DocumentPdf.make(settings.name(), settings.postalAddress(), title, text);
        boolean forResident = !"false".equals(step.param("for-resident"));
        var id = UUID.randomUUID();
        String name = Text.slug(title, "document") + "-" + target.number() + ".pdf";
        jdbc.sql("""
                insert into procedures_document (id, case_id, name, title, content, for_resident, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, target.id(), name, title.length() > 200 ? title.substring(0, 200) : title, pdf,
                        forResident, CaseStore.at(clock.instant()))
                .update();
        history.append(target.id(), new Entry(HistoryKind.DOCUMENT, forResident, title, null, null, id, name));
    }

    private String fill(String template, CaseInProgress target) {
        String today = CommuneTime.format(clock.instant(), CommuneTime.DATE, Locale.FRENCH);
        return AnswerWords.fill(template.replace("{numero}", target.number())
                .replace("{demarche}", target.definition().title()).replace("{date}", today),
                target.definition(), target.data());
    }
}
