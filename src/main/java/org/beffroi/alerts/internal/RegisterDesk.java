package org.beffroi.alerts.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.Crisis;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.internal.RegisterCrises.Summary;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with the register: residents register and withdraw, agents register at the counter, review,
 * remove, open and close crises and follow the calls. Every change and every read of the entries is audited in
 * the transaction that makes it; the log holds ids, never names, phones or needs.
 */
@Service
@RequiredArgsConstructor
public class RegisterDesk {

    private final VulnerablePeople people;
    private final RegisterCrises crises;
    private final AuditLog audit;

    /** A resident registers, signed in (the entry is then linked to the account) or not. */
    @Transactional
    public long registerSelf(VulnerablePersonForm form) {
        var user = SignedInUser.current();
        Long accountId = user.map(SignedInUser::accountId).orElse(null);
        long id = people.register(form, accountId,
                new VulnerablePeople.Registrar(accountId, user.map(SignedInUser::displayName).orElse(null), false));
        audit.record("register.self-registered", person(id), null);
        return id;
    }

    /** An agent registers a person at the counter or by phone; the agent is kept. */
    @Transactional
    public long registerByAgent(VulnerablePersonForm form) {
        var agent = SignedInUser.current().orElseThrow();
        long id = people.register(form, null,
                new VulnerablePeople.Registrar(agent.accountId(), agent.displayName(), true));
        audit.record("register.person-added", person(id), null);
        return id;
    }

    /** A signed-in resident withdraws their own entries. */
    @Transactional
    public void withdraw(long accountId) {
        people.ofAccount(accountId).forEach(entry -> {
            people.remove(entry.id());
            audit.record("register.withdrawn", person(entry.id()), null);
        });
    }

    @Transactional
    public List<VulnerablePerson> listPeople() {
        audit.record("register.list-viewed", "register", null);
        return people.all();
    }

    @Transactional
    public List<VulnerablePerson> listDueForReview() {
        audit.record("register.list-viewed", "register", "review");
        return people.dueForReview();
    }

    /** An agent opens a person's entry. */
    @Transactional
    public VulnerablePerson getPerson(VulnerablePerson entry) {
        audit.record("register.person-viewed", person(entry.id()), null);
        return entry;
    }

    @Transactional
    public void confirmReview(VulnerablePerson entry) {
        people.confirmReview(entry.id());
        audit.record("register.person-reviewed", person(entry.id()), null);
    }

    @Transactional
    public void removeOnRequest(VulnerablePerson entry) {
        people.remove(entry.id());
        audit.record("register.person-removed", person(entry.id()), "on request");
    }

    /** An agent opens a crisis, or is given the one already open. */
    @Transactional
    public Crisis openCrisis(CrisisKind kind, String title, Instant startedAt) {
        Crisis crisis = crises.openCrisis(kind, title, startedAt,
                SignedInUser.current().map(SignedInUser::displayName).orElse(null));
        audit.record("register.crisis-opened", crisis(crisis.id()), crisis.kind().name());
        return crisis;
    }

    @Transactional
    public void closeCrisis(Crisis crisis) {
        crises.closeCrisis(crisis.id());
        audit.record("register.crisis-closed", crisis(crisis.id()), null);
    }

    /** Where the call of a person stands; false when the crisis is closed or the person unknown. */
    @Transactional
    public boolean followUp(Crisis crisis, long personId, FollowUpStatus status, String note) {
        var agent = SignedInUser.current().orElseThrow();
        if (!crises.record(crisis.id(), personId, status, note, agent.accountId(), agent.displayName())) {
            return false;
        }
        audit.record("register.follow-up", person(personId), "crisis " + crisis.id() + ": " + status.name());
        return true;
    }

    @Transactional
    public List<CallListLine> listCalls(Crisis crisis, FollowUpStatus status, Long neighbourhood) {
        audit.record("register.call-list-viewed", crisis(crisis.id()), filters(status, neighbourhood));
        return crises.callList(crisis.id(), status, neighbourhood);
    }

    /** The call list as an agent takes it away in a file: recorded before the rows leave. */
    @Transactional
    public List<CallListLine> exportCalls(Crisis crisis, FollowUpStatus status, Long neighbourhood) {
        audit.record("register.call-list-exported", crisis(crisis.id()), filters(status, neighbourhood));
        return crises.callList(crisis.id(), status, neighbourhood);
    }

    @Transactional
    public Summary getSummary(Crisis crisis) {
        audit.record("register.summary-viewed", crisis(crisis.id()), null);
        return crises.summary(crisis.id());
    }

    private static String person(long id) {
        return "register-person:" + id;
    }

    private static String crisis(long id) {
        return "register-crisis:" + id;
    }

    private static String filters(FollowUpStatus status, Long neighbourhood) {
        return "status=" + (status == null ? "all" : status.name()) + " neighbourhood="
                + (neighbourhood == null ? "all" : neighbourhood);
    }
}
