package org.beffroi.family.internal;

import java.sql.Timestamp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.DataSubject;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Households, their adults and their children. An account belongs to one household at most (the key of
 * {@code family_member}); the adult who creates a household is its first member.
 */
@Service
@RequiredArgsConstructor
public class Households {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    /** A child as typed, checked by the caller ({@code web.ChildForm}). */
    public record NewChild(String firstName, String lastName, LocalDate birthDate, String school, String className) {
    }

    /**
     * The household of this account, created with the account as its first member when it has none. Two creations
     * at once for one account make one household: the second finds the first's.
     */
    public Household createFor(long accountId, String email, String name) {
        var existing = ofAccount(accountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return transaction.execute(status -> {
                long id = insertHousehold("Foyer " + name);
                jdbc.sql("insert into family_member (account_id, household_id, email, name, joined_at) "
                        + "values (?, ?, ?, ?, ?)")
                        .params(accountId, id, email.toLowerCase(Locale.ROOT), name, Timestamp.from(clock.instant()))
                        .update();
                return find(id).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            return ofAccount(accountId).orElseThrow(() -> e);
        }
    }

    /** By an agent, for a resident's account: recorded in the audit log. Empty when the account has a household. */
    @Transactional
    public Optional<Household> createByAgent(long accountId, String email, String name) {
        if (ofAccount(accountId).isPresent()) {
            return Optional.empty();
        }
        var household = createFor(accountId, email, name);
        audit.record("family.household-created", "family-household:" + household.id(), household.reference());
        return Optional.of(household);
    }

    private long insertHousehold(String name) {
        for (int attempt = 0;; attempt++) {
            String reference = "FOY-" + code(6);
            try {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("insert into family_household (reference, name, created_at) values (?, ?, ?)")
                        .params(reference, name.length() > 200 ? name.substring(0, 200) : name,
                                Timestamp.from(clock.instant()))
                        .update(keys, "id");
                return keys.getKey().longValue();
            } catch (DuplicateKeyException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    private static String code(int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    public Optional<Household> find(long id) {
        return jdbc.sql("select id, reference, name, created_at from family_household where id = ?").param(id)
                .query(Households::household).optional();
    }

    static Household household(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Household(rs.getLong("id"), rs.getString("reference"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getLong("account_id"), rs.getLong("household_id"), rs.getString("email"),
                rs.getString("name"), rs.getTimestamp("joined_at").toInstant());
    }

    static Child child(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Child(rs.getLong("id"), rs.getLong("household_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class), rs.getString("school"),
                rs.getString("class_name"), rs.getObject("left_on", LocalDate.class));
    }

    public Optional<Household> byReference(String reference) {
        return jdbc.sql("select id, reference, name, created_at from family_household where reference = ?")
                .param(reference.strip().toUpperCase(Locale.ROOT)).query(Households::household).optional();
    }

    /** The household whose adult has this address, if exactly one has. */
    public Optional<Household> byMemberEmail(String email) {
        var ids = jdbc.sql("select distinct household_id from family_member where email = ?")
                .param(email.strip().toLowerCase(Locale.ROOT)).query(Long.class).list();
        return ids.size() == 1 ? find(ids.getFirst()) : Optional.empty();
    }

    public Optional<Household> ofAccount(long accountId) {
        return jdbc.sql("""
                select h.id, h.reference, h.name, h.created_at from family_household h
                join family_member m on m.household_id = h.id where m.account_id = ?""")
                .param(accountId).query(Households::household).optional();
    }

    public List<Member> members(long householdId) {
        return jdbc.sql("select account_id, household_id, email, name, joined_at from family_member "
                + "where household_id = ? order by joined_at, account_id").param(householdId)
                .query(Households::member).list();
    }

    public List<Child> children(long householdId) {
        return jdbc.sql("select id, household_id, first_name, last_name, birth_date, school, class_name, left_on "
                + "from family_child "
                + "where household_id = ? order by case when left_on is null then 0 else 1 end, birth_date, id").param(householdId).query(Households::child).list();
    }

    /** The child of this household with this id; empty for another household's child. */
    public Optional<Child> child(long householdId, long childId) {
        return jdbc.sql("select id, household_id, first_name, last_name, birth_date, school, class_name, left_on "
                + "from family_child "
                + "where id = ? and household_id = ?").params(childId, householdId).query(Households::child).optional();
    }

    @Transactional
    public long addChild(long householdId, NewChild child) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into family_child (household_id, first_name, last_name, birth_date, school, class_name) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(householdId, child.firstName(), child.lastName(), child.birthDate(), child.school(),
                        child.className())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** By an agent: recorded in the audit log. */
    @Transactional
    public long addChildByAgent(long householdId, NewChild child) {
        long id = addChild(householdId, child);
        audit.record("family.child-added", "family-household:" + householdId, "child " + id);
        return id;
    }

    /** Whether the child of this household was changed; false for another household's child. */
    @Transactional
    public boolean updateChild(long householdId, long childId, NewChild child) {
        return jdbc.sql("update family_child set first_name = ?, last_name = ?, birth_date = ?, school = ?, "
                + "class_name = ? where id = ? and household_id = ?")
                .params(child.firstName(), child.lastName(), child.birthDate(), child.school(), child.className(),
                        childId, householdId)
                .update() == 1;
    }

    /** What removing a child did. */
    public enum Removal {
        /** Deleted: nothing was billed for them. */
        DELETED,
        /** Kept, marked as having left: their attendance was billed, the invoices' history stays whole. */
        MARKED_LEFT,
        NOT_FOUND
    }

    /**
     * Removes the household's child: deleted when they have no attendance recorded (what invoices are made from),
     * otherwise kept and marked as having left on {@code today}, out of the registers.
     */
    @Transactional
    public Removal removeChild(long householdId, long childId, LocalDate today) {
        if (jdbc.sql("delete from family_child where id = ? and household_id = ? "
                + "and not exists (select 1 from family_attendance a where a.child_id = family_child.id)")
                .params(childId, householdId).update() == 1) {
            return Removal.DELETED;
        }
        var child = child(householdId, childId);
        if (child.isEmpty()) {
            return Removal.NOT_FOUND;
        }
        jdbc.sql("update family_child set left_on = ? where id = ? and left_on is null").params(today, childId).update();
        return Removal.MARKED_LEFT;
    }

    /** By an agent: recorded in the audit log. */
    @Transactional
    public Removal removeChildByAgent(long householdId, long childId, LocalDate today) {
        var removal = removeChild(householdId, childId, today);
        if (removal != Removal.NOT_FOUND) {
            audit.record(removal == Removal.DELETED ? "family.child-removed" : "family.child-left",
                    "family-household:" + householdId, "child " + childId);
        }
        return removal;
    }

    /** An adult joins the household (an invitation followed); the key of {@code family_member} keeps one each. */
    void addMember(long householdId, long accountId, String email, String name) {
        jdbc.sql("insert into family_member (account_id, household_id, email, name, joined_at) values (?, ?, ?, ?, ?)")
                .params(accountId, householdId, email.toLowerCase(Locale.ROOT), name, Timestamp.from(clock.instant()))
                .update();
    }

    public enum Leaving {
        LEFT, LAST_ADULT, NOT_A_MEMBER
    }

    /**
     * The account leaves its household, unless it is its last adult (who would leave its children and invoices to
     * nobody). The household's row is locked first, so that two adults leaving at once leave one of them.
     */
    @Transactional
    public Leaving leave(long accountId) {
        var household = ofAccount(accountId);
        if (household.isEmpty()) {
            return Leaving.NOT_A_MEMBER;
        }
        long id = household.get().id();
        jdbc.sql("update family_household set name = name where id = ?").param(id).update();
        if (members(id).size() < 2) {
            return Leaving.LAST_ADULT;
        }
        return jdbc.sql("delete from family_member where account_id = ? and household_id = ?").params(accountId, id)
                .update() == 1 ? Leaving.LEFT : Leaving.NOT_A_MEMBER;
    }

    /** A household of the list: its adults' names and addresses and its number of children, for the search. */
    public record Line(Household household, String adults, long children, long unpaid) {
    }

    /** Households whose reference, name, or an adult's name or address contains the text; by name. */
    public List<Line> search(String text, int page, int size) {
        String like = like(text);
        String where = like == null ? "" : "\n" + """
                 where lower(h.reference) like ? or lower(h.name) like ?
                  or exists (select 1 from family_member m where m.household_id = h.id
                             and (lower(m.name) like ? or m.email like ?))""";
        var params = new java.util.ArrayList<Object>();
        if (like != null) {
            params.addAll(List.of(like, like, like, like));
        }
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("""
                select h.id, h.reference, h.name, h.created_at,
                  (select count(*) from family_child c where c.household_id = h.id) as children,
                  (select count(*) from family_invoice i where i.household_id = h.id and i.status = 'UNPAID') as unpaid
                from family_household h""" + where + "\n order by h.name, h.id limit ? offset ?")
                .params(params)
                .query((rs, n) -> {
                    var h = household(rs, n);
                    String adults = String.join(", ", members(h.id()).stream().map(Member::name).toList());
                    return new Line(h, adults, rs.getLong("children"), rs.getLong("unpaid"));
                }).list();
    }

    static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }

    /**
     * The account leaves its household; a household left without an adult loses its children and its name (its
     * invoices stay, as accounting records, under the household's reference).
     */
    @Transactional
    public void erase(DataSubject subject) {
        var household = ofAccount(subject.accountId());
        jdbc.sql("delete from family_member where account_id = ?").param(subject.accountId()).update();
        household.ifPresent(h -> {
            if (members(h.id()).isEmpty()) {
                jdbc.sql("delete from family_child where household_id = ?").param(h.id()).update();
                jdbc.sql("delete from family_invitation where household_id = ?").param(h.id()).update();
                jdbc.sql("update family_household set name = ? where id = ?").params("Foyer effacé", h.id()).update();
            }
        });
    }
}
