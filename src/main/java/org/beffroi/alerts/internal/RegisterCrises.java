package org.beffroi.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.beffroi.alerts.Crisis;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.platform.Text;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crises and their call lists: everyone registered, by neighbourhood then name, with where each call stands.
 * One crisis at most is open: the database holds it (a unique marker), so two agents opening one at the same
 * moment get the same crisis.
 */
@Service
public class RegisterCrises implements VulnerableRegister {

    private final JdbcClient jdbc;
    private final VulnerablePeople people;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    RegisterCrises(JdbcClient jdbc, VulnerablePeople people, Neighbourhoods neighbourhoods, Clock clock,
            PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.people = people;
        this.neighbourhoods = neighbourhoods;
        this.clock = clock;
    }

    /** The counts of a crisis by status, the people not reached yet, and those who need help. */
    public record Summary(Map<FollowUpStatus, Long> counts, List<CallListLine> unreached, List<CallListLine> needHelp,
            int total) {
    }

    @Override
    public Crisis openCrisis(CrisisKind kind, String title, Instant startedAt) {
        return openCrisis(kind, title, startedAt, null);
    }

    /**
     * Opens a crisis in the name of an agent (kept for the record), or answers the one already open. The insert
     * has a savepoint of its own: within a caller's transaction, losing the race leaves that transaction usable.
     */
    public Crisis openCrisis(CrisisKind kind, String title, Instant startedAt, String openedBy) {
        var current = currentCrisis();
        if (current.isPresent()) {
            return current.get();
        }
        try {
            Number id = savepoint.execute(status -> {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into alerts_register_crisis (kind, title, started_at, is_open, opened_by_label)
                        values (?, ?, ?, true, ?)""")
                        .params(kind.name(), title.strip(), OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC), openedBy)
                        .update(keys, "id");
                return keys.getKeyAs(Number.class);
            });
            return find(id.longValue()).orElseThrow();
        } catch (DuplicateKeyException another) {
            return currentCrisis().orElseThrow();
        }
    }

    @Override
    public void closeCrisis(long crisisId) {
        jdbc.sql("update alerts_register_crisis set closed_at = ?, is_open = null where id = ? and is_open = true")
                .param(OffsetDateTime.now(clock)).param(crisisId).update();
    }

    @Override
    public Optional<Crisis> currentCrisis() {
        return jdbc.sql("select * from alerts_register_crisis where is_open = true").query(RegisterCrises::crisis)
                .optional();
    }

    public Optional<Crisis> find(long id) {
        return jdbc.sql("select * from alerts_register_crisis where id = ?").param(id).query(RegisterCrises::crisis)
                .optional();
    }

    /** Every crisis, latest first. */
    public List<Crisis> all() {
        return jdbc.sql("select * from alerts_register_crisis order by started_at desc, id desc")
                .query(RegisterCrises::crisis).list();
    }

    /**
     * The call list of a crisis, by neighbourhood (people without one last) then name; both filters are
     * optional. Neighbourhood 0 stands for "no neighbourhood".
     */
    public List<CallListLine> callList(long crisisId, FollowUpStatus status, Long neighbourhoodId) {
        Map<Long, String> names = neighbourhoods.all().stream()
                .collect(Collectors.toMap(Neighbourhood::id, Neighbourhood::name));
        Map<Long, FollowUp> followUps = new HashMap<>();
        jdbc.sql("select * from alerts_register_follow_up where crisis_id = ?").param(crisisId)
                .query((rs, n) -> new FollowUp(rs.getLong("person_id"), FollowUpStatus.valueOf(rs.getString("status")),
                        rs.getString("note"), VulnerablePeople.instant(rs, "updated_at"), rs.getString("agent_label")))
                .list().forEach(f -> followUps.put(f.personId(), f));
        var collator = Collator.getInstance(Locale.FRENCH);
        Function<CallListLine, String> place = l -> l.neighbourhood() == null ? "" : l.neighbourhood();
        return people.all().stream()
                .map(p -> line(p, p.neighbourhoodId() == null ? null : names.get(p.neighbourhoodId()),
                        followUps.get(p.id())))
                .filter(l -> status == null || l.status() == status)
                .filter(l -> neighbourhoodId == null || (neighbourhoodId == 0 ? l.person().neighbourhoodId() == null
                        : neighbourhoodId.equals(l.person().neighbourhoodId())))
                .sorted(Comparator.comparing((CallListLine l) -> l.neighbourhood() == null)
                        .thenComparing(place, collator)
                        .thenComparing(l -> l.person().fullName(), collator))
                .toList();
    }

    /** Records where the call of a person stands; the last word wins. False if the crisis is closed or unknown. */
    @Transactional
    public boolean record(long crisisId, long personId, FollowUpStatus status, String note, Long agentId,
            String agentLabel) {
        if (find(crisisId).filter(Crisis::open).isEmpty() || people.find(personId).isEmpty()) {
            return false;
        }
        var now = OffsetDateTime.now(clock);
        String text = Text.blankToNull(note);
        int updated = jdbc.sql("""
                update alerts_register_follow_up set status = ?, note = ?, updated_at = ?, agent_account_id = ?,
                    agent_label = ? where crisis_id = ? and person_id = ?""")
                .params(status.name(), text, now, agentId, agentLabel, crisisId, personId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into alerts_register_follow_up (crisis_id, person_id, status, note, updated_at,
                        agent_account_id, agent_label) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(crisisId, personId, status.name(), text, now, agentId, agentLabel).update();
        }
        return true;
    }

    public Summary summary(long crisisId) {
        var lines = callList(crisisId, null, null);
        Map<FollowUpStatus, Long> counts = new EnumMap<>(FollowUpStatus.class);
        for (var s : FollowUpStatus.values()) {
            counts.put(s, 0L);
        }
        lines.forEach(l -> counts.merge(l.status(), 1L, Long::sum));
        return new Summary(counts, lines.stream().filter(l -> l.status().unreached()).toList(),
                lines.stream().filter(l -> l.status() == FollowUpStatus.NEEDS_HELP).toList(), lines.size());
    }

    private static CallListLine line(VulnerablePerson person, String neighbourhood, FollowUp followUp) {
        return followUp == null ? new CallListLine(person, neighbourhood, FollowUpStatus.TO_CALL, null, null, null)
                : new CallListLine(person, neighbourhood, followUp.status(), followUp.note(), followUp.updatedAt(),
                        followUp.agentLabel());
    }

    private record FollowUp(long personId, FollowUpStatus status, String note, Instant updatedAt, String agentLabel) {
    }

    private static Crisis crisis(ResultSet rs, int row) throws SQLException {
        return new Crisis(rs.getLong("id"), CrisisKind.valueOf(rs.getString("kind")), rs.getString("title"),
                VulnerablePeople.instant(rs, "started_at"), VulnerablePeople.instant(rs, "closed_at"));
    }
}
