package org.beffroi.procedures.internal;

import static org.beffroi.procedures.workflow.ActionParameter.Kind.FIELD;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.NUMBER;
import static org.beffroi.procedures.workflow.ActionParameter.Kind.STATUS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.beffroi.platform.CommuneTime;
import org.beffroi.procedures.definition.ActionStep;
import org.beffroi.procedures.internal.CaseHistory.Entry;
import org.beffroi.procedures.workflow.ActionParameter;
import org.beffroi.procedures.workflow.CaseInProgress;
import org.beffroi.procedures.workflow.WorkflowAction;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a meter reading against the previous case of the same procedure for the same meter: a reading lower than
 * the previous one, or higher by more than {@code max-per-day} for each day between the two filings, sends the case
 * at once to the status {@code to} (where the workflow asks the resident to check it), and the rest of the status's
 * steps do not run. Either way, an internal note gives the agents both readings. The first reading of a meter has
 * nothing to be compared with and passes.
 */
@Component
class CheckReadingAction implements WorkflowAction {

    /** What a reading is, against the one before. */
    enum Verdict {
        PLAUSIBLE, DOWN, TOO_HIGH
    }

    private final JdbcClient jdbc;
    private final CaseHistory history;
    private final MessageSource messages;
    private final CaseDesk desk;

    CheckReadingAction(JdbcClient jdbc, CaseHistory history, MessageSource messages, @Lazy CaseDesk desk) {
        this.jdbc = jdbc;
        this.history = history;
        this.messages = messages;
        this.desk = desk;
    }

    @Override
    public String type() {
        return "check-reading";
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(new ActionParameter("meter", FIELD, true), new ActionParameter("reading", FIELD, true),
                new ActionParameter("max-per-day", NUMBER, true), new ActionParameter("to", STATUS, true));
    }

    @Override
    public void run(CaseInProgress target, ActionStep step) {
        String meter = meter(target.data().get(step.param("meter")));
        var reading = number(target.data().get(step.param("reading")));
        if (meter == null || reading.isEmpty()) {
            return;
        }
        jdbc.sql("delete from procedures_meter_reading where case_id = ?").param(target.id()).update();
        jdbc.sql("insert into procedures_meter_reading (case_id, procedure_id, meter) values (?, ?, ?)")
                .params(target.id(), target.procedureId(), meter).update();
        var previous = jdbc.sql("""
                select c.* from procedures_case c join procedures_meter_reading r on r.case_id = c.id
                where r.procedure_id = ? and r.meter = ? and c.id <> ? and c.anonymised_at is null
                and c.filed_at <= (select filed_at from procedures_case where id = ?)
                order by c.filed_at desc, c.id desc fetch first 1 rows only""")
                .params(target.procedureId(), meter, target.id(), target.id()).query(CaseStore::caseRecord)
                .optional();
        if (previous.isEmpty()) {
            return;
        }
        var before = number(previous.get().data().get(step.param("reading")));
        if (before.isEmpty()) {
            return;
        }
        var filedAt = jdbc.sql("select filed_at from procedures_case where id = ?").param(target.id())
                .query(java.time.OffsetDateTime.class).single().toInstant();
        var elapsed = Duration.between(previous.get().filedAt(), filedAt);
        var limit = new BigDecimal(step.param("max-per-day"));
        var verdict = judge(before.get(), reading.get(), elapsed, limit);
        var numbers = NumberFormat.getNumberInstance(Locale.FRENCH);
        String note = messages.getMessage("procedures.check-reading." + verdict.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), new Object[] {numbers.format(reading.get()), numbers.format(before.get()),
                        CommuneTime.format(previous.get().filedAt(), CommuneTime.NUMERIC_DATE, Locale.FRENCH),
                        previous.get().number(), numbers.format(reading.get().subtract(before.get())),
                        numbers.format(limit), days(elapsed)},
                Locale.FRENCH);
        history.append(target.id(), Entry.of(HistoryKind.NOTE, false, note));
        if (verdict != Verdict.PLAUSIBLE) {
            desk.jumpNow(target, step.param("to"));
        }
    }

    /**
     * A reading is implausible when it went down, or rose by more than {@code maxPerDay} for each day elapsed
     * (a day at least: two readings the same day may differ by one day's use).
     */
    static Verdict judge(BigDecimal previous, BigDecimal reading, Duration elapsed, BigDecimal maxPerDay) {
        var increase = reading.subtract(previous);
        if (increase.signum() < 0) {
            return Verdict.DOWN;
        }
        var allowed = maxPerDay.multiply(BigDecimal.valueOf(days(elapsed)));
        return increase.compareTo(allowed) > 0 ? Verdict.TOO_HIGH : Verdict.PLAUSIBLE;
    }

    /** Whole days elapsed, rounded up, one at least. */
    static long days(Duration elapsed) {
        long days = BigDecimal.valueOf(elapsed.toMinutes()).divide(BigDecimal.valueOf(24 * 60), 0, RoundingMode.CEILING)
                .longValue();
        return Math.max(1, days);
    }

    /** The meter's number as people write it with or without spaces: "A 123 456" and "a123456" are one meter. */
    static String meter(Object answer) {
        if (answer == null) {
            return null;
        }
        String meter = String.valueOf(answer).replaceAll("[\\s\\u00a0\\u202f.-]", "").toUpperCase(Locale.ROOT);
        return meter.isEmpty() || meter.length() > 80 ? null : meter;
    }

    /** A reading typed "1 520", "1520,5" or "1520.5". */
    static Optional<BigDecimal> number(Object answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = String.valueOf(answer).replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
