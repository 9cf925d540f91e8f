package org.beffroi.procedures.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.NotFoundException;
import org.beffroi.procedures.CaseFiled;
import org.beffroi.procedures.definition.Button;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowActions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a case: filing it, the agents' buttons, the resident's answers, notes, assignment, data edits,
 * the workflow's timers. A case always runs on the version of the definition it was filed under. Each change
 * writes its history entry in the same transaction.
 */
@Service
@RequiredArgsConstructor
public class CaseDesk {

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final ProcedureStore procedures;
    private final CaseHistory history;
    private final WorkflowActions actions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Looked up when used: the files' service reads drafts, which this desk files. */
    private final ObjectProvider<CaseAttachments> files;
    private final CommuneArea area;
    /** How many times this thread's actions moved a case on ({@link #jumpNow}): a status's later steps then stop. */
    private final ThreadLocal<long[]> jumps = ThreadLocal.withInitial(() -> new long[1]);

    /** Who a case is filed for: the resident, and the agent filing it at the counter if any. */
    public record Filer(Long accountId, String email, String displayName, Long agentId) {
    }

    /**
     * Files the draft as a case and deletes the draft, in one transaction. The draft's row is locked first, so a
     * form posted twice (a double click, two tabs) files one case: the second post finds the case the first filed.
     *
     * @param data the answers, checked against the version's form by the caller
     */
    @Transactional
    public CaseRecord file(UUID draftId, Long draftOwner, Map<String, Object> data, Filer filer) {
        var locked = jdbc.sql("select * from procedures_draft where id = ? for update").param(draftId)
                .query(DraftDesk::draft).optional();
        if (locked.isEmpty()) {
            // filed by the post that held the lock before this one (the draft goes with the filing), or unknown
            return cases.findBySubmission(draftId).orElseThrow(NotFoundException::new);
        }
        var draft = locked.filter(d -> d.accountId() == null || d.accountId().equals(draftOwner))
                .orElseThrow(NotFoundException::new);
        var version = procedures.version(draft.versionId()).orElseThrow();
        var definition = version.definition();
        var initial = definition.workflow().initialStatus();
        long sequence = jdbc.sql("select nextval('procedures_case_number')").query(Long.class).single();
        String number = "%d-%06d".formatted(Year.now(clock.withZone(CommuneTime.ZONE)).getValue(), sequence);
        var now = clock.instant();
        String json = CaseData.write(data);
        Long neighbourhood = neighbourhoodOf(definition, data);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into procedures_case (number, procedure_id, version_id, submission_key, status, visible_status,
                closed, account_id, email, display_name, data, filed_by_agent_id, filed_at, status_since, row_version,
                neighbourhood_id)
                values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(number, version.procedureId(), version.id(), draftId, initial.id(), initial.id(),
                        filer.accountId(), filer.email(), filer.displayName(), json, filer.agentId(),
                        CaseStore.at(now), CaseStore.at(now), neighbourhood)
                .update(keys, "id");
        // the row as written, without reading it back; the answers as a reader of the row would find them
        var filed = new CaseRecord(keys.getKeyAs(Number.class).longValue(), number, version.procedureId(),
                version.id(), draftId, initial.id(), initial.id(), false, filer.accountId(), filer.email(),
                filer.displayName(), CaseData.read(json), null, null, filer.agentId(), neighbourhood, now, now, null,
                null);
        if (definition.allFields().anyMatch(f -> f.type() == FieldType.FILE)) {
            jdbc.sql("update procedures_attachment set case_id = ?, draft_id = null where draft_id = ?")
                    .params(filed.id(), draftId).update();
        }
        jdbc.sql("delete from procedures_draft where id = ?").param(draftId).update();
        history.append(filed.id(), Entry.of(HistoryKind.FILED, true,
                filer.agentId() == null ? null : "counter"));
        enter(filed, definition, initial, null);
        audit.record("procedures.case-filed", "case:" + filed.id(), number);
        events.publishEvent(new CaseFiled(filed.id(), filed.number(), version.procedureId(), filer.accountId()));
        return cases.find(filed.id()).orElseThrow();
    }

    /** The neighbourhood holding the point of the form's first address placed on the map, if any. */
    private Long neighbourhoodOf(ProcedureDefinition definition, Map<String, Object> data) {
        return definition.pages().stream().flatMap(p -> p.fields().stream())
                .filter(f -> f.type() == FieldType.ADDRESS)
                .map(f -> FieldValidation.point(f.key(), data)).flatMap(java.util.Optional::stream)
                .map(p -> area.neighbourhoodOf(p[0], p[1])).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null);
    }

    /**
     * An agent presses one of the buttons of the case's status (in the case's version). A button that asks the
     * resident records the agent's question; the resident's answer brings the case back to the status it left.
     */
    @Transactional
    public CaseRecord press(CaseRecord target, String buttonId, String question) {
        var current = lock(target.id());
        var definition = definitionOf(current);
        var status = definition.workflow().status(current.status()).orElseThrow();
        Button button = status.buttons().stream().filter(b -> b.id().equals(buttonId)).findFirst()
                .orElseThrow(NotFoundException::new);
        if (button.asksResident()) {
            jdbc.sql("insert into procedures_question (case_id, question, next_status, asked_at) values (?, ?, ?, ?)")
                    .params(current.id(), question, current.status(), CaseStore.at(clock.instant())).update();
            history.append(current.id(), Entry.of(HistoryKind.QUESTION, true, question));
        }
        enter(current, definition, definition.workflow().status(button.to()).orElseThrow(), button.label());
        audit.record("procedures.button", "case:" + current.id(), button.id());
        return cases.find(current.id()).orElseThrow();
    }

    /** The resident answers an open question; the case goes back to the status it was in when it was asked. */
    @Transactional
    public CaseRecord answer(CaseRecord target, long questionId, String answer) {
        var current = lock(target.id());
        var question = cases.question(current.id(), questionId).filter(Question::open)
                .orElseThrow(NotFoundException::new);
        jdbc.sql("update procedures_question set answer = ?, answered_at = ? where id = ? and answered_at is null")
                .params(answer, CaseStore.at(clock.instant()), question.id()).update();
        history.append(current.id(), Entry.of(HistoryKind.ANSWER, true, answer));
        jdbc.sql("update procedures_attachment set case_id = ? where case_id is null and draft_id = ?")
                .params(current.id(), questionDraft(current.id(), questionId)).update();
        var definition = definitionOf(current);
        enter(current, definition, definition.workflow().status(question.nextStatus()).orElseThrow(), null);
        audit.record("procedures.answered", "case:" + current.id(), "question:" + questionId);
        return cases.find(current.id()).orElseThrow();
    }

    /**
     * The key under which files given with an answer wait, before the answer is sent: derived from the case and
     * the question, so the answer form needs no draft of its own.
     */
    public static UUID questionDraft(long caseId, long questionId) {
        return UUID.nameUUIDFromBytes(("question:" + caseId + ":" + questionId).getBytes());
    }

    /** An internal note: agents read it, the resident never does. */
    @Transactional
    public void note(CaseRecord target, String text) {
        lock(target.id());
        history.append(target.id(), Entry.of(HistoryKind.NOTE, false, text));
        audit.record("procedures.note", "case:" + target.id(), "");
    }

    /** Assigns the case to a service, and to one agent of it or to none. */
    @Transactional
    public void assign(CaseRecord target, Long serviceId, Long agentId) {
        var current = lock(target.id());
        jdbc.sql("update procedures_case set service_id = ?, agent_id = ?, row_version = row_version + 1 where id = ?")
                .params(serviceId, agentId, current.id()).update();
        history.append(current.id(), new Entry(HistoryKind.ASSIGNED, false, null,
                assignment(current.serviceId(), current.agentId()), assignment(serviceId, agentId), null, null));
        audit.record("procedures.assigned", "case:" + current.id(), assignment(serviceId, agentId));
    }

    /** An agent corrects an answer; the history keeps the value before and after. */
    @Transactional
    public void editAnswer(CaseRecord target, String key, Object value) {
        var current = lock(target.id());
        if (definitionOf(current).field(key).isEmpty()) {
            throw new NotFoundException();
        }
        var data = new LinkedHashMap<>(current.data());
        Object before = data.put(key, value);
        jdbc.sql("update procedures_case set data = ?, row_version = row_version + 1 where id = ?")
                .params(CaseData.write(data), current.id()).update();
        history.append(current.id(), new Entry(HistoryKind.DATA_EDIT, false, key, Objects.toString(before, ""),
                Objects.toString(value, ""), null, null));
        audit.record("procedures.answer-edited", "case:" + current.id(), key);
    }

    /** Runs the timers that are due: jumps after a delay, anonymisation. Each in the case's own lock. */
    @Transactional
    public int runDueTimers() {
        var due = jdbc.sql("""
                select id, case_id, kind, from_status, to_status from procedures_timer
                where not done and due_at <= ? order by due_at""")
                .param(CaseStore.at(clock.instant()))
                .query((rs, n) -> new Timer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        for (var timer : due) {
            var current = lock(timer.caseId());
            jdbc.sql("update procedures_timer set done = true where id = ?").param(timer.id()).update();
            if (current.anonymisedAt() != null) {
                continue;
            }
            if (timer.kind().equals(Timer.ANONYMISE)) {
                anonymise(current);
            } else if (current.status().equals(timer.fromStatus())) {
                var definition = definitionOf(current);
                enter(current, definition, definition.workflow().status(timer.toStatus()).orElseThrow(), null);
            }
        }
        return due.size();
    }

    record Timer(long id, long caseId, String kind, String fromStatus, String toStatus) {
        static final String JUMP = "JUMP";
        static final String ANONYMISE = "ANONYMISE";
    }

    /** Plans a jump of the case to {@code to} after {@code delay}, if it is still in its current status then. */
    void planJump(CaseInProgress target, Duration delay, String to) {
        jdbc.sql("""
                insert into procedures_timer (case_id, kind, from_status, to_status, due_at, done)
                values (?, ?, ?, ?, ?, false)""")
                .params(target.id(), Timer.JUMP, target.status(), to, CaseStore.at(clock.instant().plus(delay)))
                .update();
    }

    void planAnonymisation(CaseInProgress target, Duration delay) {
        jdbc.sql("""
                insert into procedures_timer (case_id, kind, from_status, due_at, done) values (?, ?, ?, ?, false)""")
                .params(target.id(), Timer.ANONYMISE, target.status(), CaseStore.at(clock.instant().plus(delay)))
                .update();
    }

    /** Empties the case of the person's data; its number, procedure, dates and statuses stay for the figures. */
    void anonymise(CaseRecord target) {
        jdbc.sql("""
                update procedures_case set account_id = null, email = null, display_name = null, data = '{}',
                anonymised_at = ?, row_version = row_version + 1 where id = ?""")
                .params(CaseStore.at(clock.instant()), target.id()).update();
        jdbc.sql("""
                update procedures_case_event set text = null, before_value = null, after_value = null,
                actor_label = null where case_id = ?""").param(target.id()).update();
        jdbc.sql("update procedures_question set question = '', answer = null where case_id = ?").param(target.id())
                .update();
        files.getObject().deleteOfCase(target.id());
        jdbc.sql("delete from procedures_document where case_id = ?").param(target.id()).update();
        jdbc.sql("delete from procedures_meter_reading where case_id = ?").param(target.id()).update();
        history.append(target.id(), Entry.of(HistoryKind.ANONYMISED, false, null));
    }

    /** Erases what the person filed: their cases are emptied of their data, their drafts deleted. */
    @Transactional
    public void eraseAllOf(DataSubject subject) {
        cases.allOfResident(subject).forEach(this::anonymise);
        files.getObject().deleteOfDrafts("account_id = ?", subject.accountId());
        jdbc.sql("delete from procedures_draft where account_id = ?").param(subject.accountId()).update();
    }

    /**
     * Closed cases whose procedure's retention period has passed since they closed are emptied of the person's
     * data; drafts untouched for 30 days are deleted.
     */
    @Transactional
    public void applyRetention() {
        var now = clock.instant();
        var closed = jdbc.sql("select * from procedures_case where closed and anonymised_at is null")
                .query(CaseStore::caseRecord).list();
        for (var c : closed) {
            int days = definitionOf(c).retentionDays();
            if (c.statusSince().plus(Duration.ofDays(days)).isBefore(now)) {
                anonymise(c);
            }
        }
        var before = CaseStore.at(now.minus(DraftDesk.RETENTION));
        files.getObject().deleteOfDrafts("updated_at < ?", before);
        jdbc.sql("delete from procedures_draft where updated_at < ?").param(before).update();
    }

    /** Enters a status: records it, sets its deadline, then runs its actions in order. */
    private void enter(CaseRecord current, ProcedureDefinition definition, StatusDefinition status, String label) {
        Instant now = clock.instant();
        Instant due = status.targetDays() == null ? null : now.plus(Duration.ofDays(status.targetDays()));
        String visible = status.visible() ? status.id() : current.visibleStatus();
        jdbc.sql("""
                update procedures_case set status = ?, visible_status = ?, closed = ?, status_since = ?, due_at = ?,
                row_version = row_version + 1 where id = ?""")
                .params(status.id(), visible, status.closed(), CaseStore.at(now), CaseStore.at(due), current.id())
                .update();
        history.append(current.id(), new Entry(HistoryKind.STATUS, status.visible(), label, current.status(),
                status.id(), null, null));
        var inProgress = new CaseInProgress(current.id(), current.number(), current.procedureId(), definition,
                status.id(), current.accountId(), current.email(), current.displayName(), current.data());
        for (var step : status.actions()) {
            if (!step.runsFor(current.data())) {
                continue;
            }
            long jumped = jumps.get()[0];
            actions.find(step.type()).orElseThrow().run(inProgress, step);
            if (jumps.get()[0] != jumped) {
                // a step moved the case on (a reading to check): the rest of this status's steps are not for it
                return;
            }
        }
    }

    /**
     * An action moves the case at once to another status of its workflow (in the transaction that runs it); the
     * steps left in the status it leaves do not run. A jump to the status the case is in does nothing.
     */
    void jumpNow(CaseInProgress target, String to) {
        if (to.equals(target.status())) {
            return;
        }
        jumps.get()[0]++;
        var current = cases.find(target.id()).orElseThrow();
        enter(current, target.definition(), target.definition().workflow().status(to).orElseThrow(), null);
    }

    /**
     * The guard of {@link #paymentReceived}, for the negative control of the tests alone: off, a payment is taken
     * into account as a naive implementation would (read, pause, write without lock nor condition).
     */
    volatile boolean paymentGuarded = true;

    /**
     * A payment the case's workflow asked for was confirmed: recorded once in the history ("Paiement reçu"), and the
     * case goes to the status the step named if it still waits in the status that asked. The case's row is locked
     * and the payment marked taken into account by a conditional update: delivered twice, or by two nodes at once,
     * the second delivery changes nothing.
     *
     * @return whether this call took the payment into account
     */
    @Transactional
    public boolean paymentReceived(long caseId, String reference) {
        if (!paymentGuarded) {
            return paymentReceivedNaively(caseId, reference);
        }
        var locked = jdbc.sql("select id from procedures_case where id = ? for update").param(caseId)
                .query(Long.class).optional();
        if (locked.isEmpty()) {
            return false;
        }
        var payment = casePayment(caseId, reference);
        if (payment.isEmpty() || jdbc.sql("""
                update procedures_case_payment set paid_at = ? where case_id = ? and reference = ? and paid_at is null""")
                .params(CaseStore.at(clock.instant()), caseId, reference).update() != 1) {
            return false;
        }
        afterPayment(cases.find(caseId).orElseThrow(), payment.get());
        return true;
    }

    private boolean paymentReceivedNaively(long caseId, String reference) {
        var payment = casePayment(caseId, reference);
        var current = cases.find(caseId);
        if (payment.isEmpty() || payment.get().paidAt() != null || current.isEmpty()) {
            return false;
        }
        NegativeControls.widenTheRace();
        jdbc.sql("update procedures_case_payment set paid_at = ? where case_id = ? and reference = ?")
                .params(CaseStore.at(clock.instant()), caseId, reference).update();
        afterPayment(current.get(), payment.get());
        return true;
    }

    private java.util.Optional<CasePayment> casePayment(long caseId, String reference) {
        return jdbc.sql("select * from procedures_case_payment where case_id = ? and reference = ?")
                .params(caseId, reference).query(CaseStore::payment).optional();
    }

    private void afterPayment(CaseRecord current, CasePayment payment) {
        history.append(current.id(), Entry.of(HistoryKind.PAYMENT_RECEIVED, true,
                org.beffroi.payments.Euros.words(payment.amountCents())));
        if (current.anonymisedAt() == null && current.status().equals(payment.waitingStatus())) {
            var definition = definitionOf(current);
            definition.workflow().status(payment.toStatus())
                    .ifPresent(to -> enter(current, definition, to, null));
        }
    }

    private CaseRecord lock(long caseId) {
        jdbc.sql("select id from procedures_case where id = ? for update").param(caseId).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
        return cases.find(caseId).orElseThrow();
    }

    private ProcedureDefinition definitionOf(CaseRecord c) {
        return procedures.version(c.versionId()).orElseThrow().definition();
    }

    private static String assignment(Long serviceId, Long agentId) {
        return "service:" + serviceId + (agentId == null ? "" : " agent:" + agentId);
    }

    /** The cases of a version, for the check that a published definition change leaves filed cases on theirs. */
    public List<CaseRecord> filedUnder(long versionId) {
        return jdbc.sql("select * from procedures_case where version_id = ?").param(versionId)
                .query(CaseStore::caseRecord).list();
    }

    /** What a bulk assignment does to each case: give it to an agent (its service kept), to a service, or to no agent. */
    public record BulkAssignment(Kind kind, Long serviceId, Long agentId) {

        public enum Kind {
            AGENT, SERVICE, NOBODY
        }
    }

    /**
     * Assigns several cases at once, in one transaction. Each case is checked for the person's access first: one
     * they may not handle (or that does not exist) refuses the whole, and nothing is assigned.
     *
     * @return how many cases were assigned
     */
    @Transactional
    public int assignAll(java.util.Collection<Long> caseIds, CaseInbox.Staff staff, BulkAssignment to) {
        var sorted = new java.util.TreeSet<>(caseIds);
        var targets = new java.util.ArrayList<CaseRecord>();
        for (long id : sorted) {
            jdbc.sql("select id from procedures_case where id = ? for update").param(id).query(Long.class).optional();
            targets.add(cases.find(id).filter(staff::mayHandle).orElseThrow(NotFoundException::new));
        }
        for (var target : targets) {
            switch (to.kind()) {
                case AGENT -> assign(target, target.serviceId(), to.agentId());
                case SERVICE -> assign(target, to.serviceId(), null);
                case NOBODY -> assign(target, target.serviceId(), null);
            }
        }
        return targets.size();
    }

    /** Records that someone exported the list of cases (their names and addresses leave the application). */
    @Transactional
    public void exportStarted(String details) {
        audit.record("procedures.cases-exported", "cases", details);
    }
}
