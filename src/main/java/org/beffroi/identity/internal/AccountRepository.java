package org.beffroi.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Role;
import org.beffroi.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts with their roles and services, in explicit SQL that runs alike on H2 and PostgreSQL. */
@Repository
@RequiredArgsConstructor
public class AccountRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Addresses are kept in lower case: the unique index then forbids two accounts for one mailbox. An account
     * reached through a provider that did not vouch for an address holds none (null).
     */
    public long insert(String email, String displayName, String passwordHash, AccountStatus status, Set<Role> roles) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into identity_account (email, display_name, password_hash, status, created_at, confirmed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(email == null ? null : EmailAddresses.normalise(email), displayName, passwordHash, status.name(), now(),
                        status == AccountStatus.ACTIVE ? now() : null)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        setRoles(id, roles);
        return id;
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("select * from identity_account where id = ?").param(id).query(AccountRepository::account)
                .optional().map(this::withRolesAndServices);
    }

    public Optional<Account> findByEmail(String email) {
        // no address holds a control character (forms refuse them), and PostgreSQL refuses NUL in a query: the
        // sign-in form, read by Spring Security outside any form binding, brings such text here
        if (email == null || email.isBlank() || Text.hasControlCharacters(email)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from identity_account where email = ?").param(EmailAddresses.normalise(email))
                .query(AccountRepository::account).optional().map(this::withRolesAndServices);
    }

    /** The active accounts attached to the service, by name. */
    public List<Account> findActiveOfService(long serviceId) {
        return jdbc.sql("""
                select a.* from identity_account a join identity_account_service s on s.account_id = a.id
                where s.service_id = ? and a.status = ? order by a.display_name, a.id""")
                .params(serviceId, AccountStatus.ACTIVE.name()).query(AccountRepository::account).list().stream()
                .map(this::withRolesAndServices).toList();
    }

    /** The active accounts that hold the role, by name. */
    public List<Account> findActiveHolding(Role role) {
        return jdbc.sql("""
                select a.* from identity_account a join identity_account_role r on r.account_id = a.id
                where r.role = ? and a.status = ? order by a.display_name, a.id""")
                .params(role.name(), AccountStatus.ACTIVE.name()).query(AccountRepository::account).list().stream()
                .map(this::withRolesAndServices).toList();
    }

    public void activate(long id) {
        jdbc.sql("update identity_account set status = ?, confirmed_at = ? where id = ? and status = ?")
                .params(AccountStatus.ACTIVE.name(), now(), id, AccountStatus.PENDING.name()).update();
    }

    public void updatePassword(long id, String hash) {
        jdbc.sql("update identity_account set password_hash = ? where id = ?").params(hash, id).update();
    }

    public void updateDisplayName(long id, String displayName) {
        jdbc.sql("update identity_account set display_name = ? where id = ?").params(displayName, id).update();
    }

    public void recordLogin(long id) {
        jdbc.sql("update identity_account set last_login_at = ? where id = ?").params(now(), id).update();
    }

    public void setRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from identity_account_role where account_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into identity_account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    public void setServices(long id, Set<Long> serviceIds) {
        jdbc.sql("delete from identity_account_service where account_id = ?").param(id).update();
        for (Long serviceId : serviceIds) {
            jdbc.sql("insert into identity_account_service (account_id, service_id) values (?, ?)").params(id, serviceId)
                    .update();
        }
    }

    public long countWithRole(Role role) {
        return jdbc.sql("""
                select count(*) from identity_account_role r join identity_account a on a.id = r.account_id
                where r.role = ? and a.status = ?""").params(role.name(), AccountStatus.ACTIVE.name())
                .query(Long.class).single();
    }

    public void delete(long id) {
        jdbc.sql("delete from identity_account where id = ?").param(id).update();
    }

    /** Accounts never confirmed before the given instant: their holder did not want them. */
    public int deletePendingCreatedBefore(Instant limit) {
        return jdbc.sql("delete from identity_account where status = ? and created_at < ?")
                .params(AccountStatus.PENDING.name(), OffsetDateTime.ofInstant(limit, ZoneOffset.UTC)).update();
    }

    public record Search(String text, Role role, AccountStatus status) {
    }

    public List<Account> search(Search search, int page, int size) {
        var where = where(search);
        var params = new ArrayList<>(where.params());
        params.add(size);
        params.add(page * size);
        return jdbc.sql("select * from identity_account a" + where.sql() + " order by a.email limit ? offset ?")
                .params(params).query(AccountRepository::account).list().stream().map(this::withRolesAndServices)
                .toList();
    }

    public long count(Search search) {
        var where = where(search);
        return jdbc.sql("select count(*) from identity_account a" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Search search) {
        var clauses = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (search.text() != null && !search.text().isBlank()) {
            clauses.add("(a.email like ? or lower(a.display_name) like ?)");
            String like = "%" + search.text().strip().toLowerCase(Locale.ROOT).replace("%", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (search.role() != null) {
            clauses.add("exists (select 1 from identity_account_role r where r.account_id = a.id and r.role = ?)");
            params.add(search.role().name());
        }
        if (search.status() != null) {
            clauses.add("a.status = ?");
            params.add(search.status().name());
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    /**
     * Roles and services are read once the accounts' query is over: a query inside a row mapper would hold
     * a second connection while the first is open, and a busy pool would then wait on itself.
     */
    private Account withRolesAndServices(Account a) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from identity_account_role where account_id = ?").param(a.id()).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        Set<Long> services = new HashSet<>(jdbc.sql("select service_id from identity_account_service where account_id = ?")
                .param(a.id()).query(Long.class).list());
        return new Account(a.id(), a.email(), a.displayName(), a.passwordHash(), a.status(), a.createdAt(),
                a.confirmedAt(), a.lastLoginAt(), roles, services);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), AccountStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "confirmed_at"), instant(rs, "last_login_at"), Set.of(), Set.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
