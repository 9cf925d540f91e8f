package org.beffroi.procedures.web;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.HistoryEntry;
import org.beffroi.procedures.internal.HistoryKind;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.Question;
import org.beffroi.procedures.internal.ReceiptPdf;
import org.springframework.stereotype.Component;

/** A case as the resident sees it: its procedure, its visible status in words, its answers, its history. */
@Component
@RequiredArgsConstructor
class ResidentCaseViews {

    private final ProcedureStore procedures;
    private final CaseStore cases;

    /** A line of the resident's list or the head of a case's page. */
    record Summary(CaseRecord record, String procedure, String status, boolean closed) {
    }

    /** One answer in words, under its question. */
    record Answer(String label, String value) {
    }

    /** A line of the history: its kind in words (a message key) and what it says, if anything. */
    record Line(HistoryEntry entry, String kindKey, String detail) {
    }

    record Detail(Summary summary, List<Answer> answers, List<Line> history, List<Question> open,
            List<Question> answered) {
    }

    Summary summary(CaseRecord c) {
        var definition = definition(c);
        return new Summary(c, definition.title(), statusLabel(definition, c.visibleStatus()), c.closed());
    }

    Detail detail(CaseRecord c) {
        var definition = definition(c);
        var answers = new ArrayList<Answer>();
        for (var page : definition.pages()) {
            for (var field : page.fields()) {
                Object value = c.data().get(field.key());
                if (field.type() != null && field.type().takesAnswer() && field.type() != FieldType.FILE
                        && value != null) {
                    answers.add(new Answer(field.label(), ReceiptPdf.words(field, value)));
                }
            }
        }
        var history = cases.historyForResident(c.id()).stream().map(h -> new Line(h, h.kind().messageKey(),
                h.kind() == HistoryKind.STATUS ? statusLabel(definition, h.after())
                        : h.kind() == HistoryKind.FILED ? null : h.text()))
                .toList();
        var questions = cases.questions(c.id());
        return new Detail(summary(c), answers, history, questions.stream().filter(Question::open).toList(),
                questions.stream().filter(q -> !q.open()).toList());
    }

    private ProcedureDefinition definition(CaseRecord c) {
        return procedures.version(c.versionId()).orElseThrow().definition();
    }

    private static String statusLabel(ProcedureDefinition definition, String status) {
        return definition.workflow().status(status).map(StatusDefinition::label).orElse(status);
    }
}
