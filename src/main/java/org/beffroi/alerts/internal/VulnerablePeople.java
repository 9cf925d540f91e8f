package org.beffroi.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Text;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The entries of the register: registration on consent, the yearly review, removal, and the personal-data
 * duties (export, erasure, retention). Every entry is reviewed a year after its registration or last review;
 * one left unconfirmed {@code beffroi.alerts.register.unconfirmed-months} months after its review was due is
 * deleted.
 */
@Service
@RequiredArgsConstructor
public class VulnerablePeople {

    private final JdbcClient jdbc;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;
    @Value("${beffroi.alerts.register.unconfirmed-months:3}")
    private final int unconfirmedMonths;

    /** Who typed the entry: the person, or an agent at the counter or on the phone. */
    public record Registrar(Long accountId, String label, boolean agent) {
    }

    /** What the registration form offers to choose from. */
    public Map<String, Object> formChoices() {
        return Map.of("neighbourhoods", neighbourhoods.all(), "ageBrackets", AgeBracket.values(), "needChoices",
                Need.values());
    }

    /** The checks that need more than one field, or the portal's neighbourhoods. */
    public void check(VulnerablePersonForm form, Errors errors) {
        if (form.getBirthDate() == null && form.getAgeBracket() == null && !errors.hasFieldErrors("birthDate")) {
            errors.rejectValue("birthDate", "register.age.missing");
        }
        if (form.getNeighbourhoodId() != null && neighbourhoods.find(form.getNeighbourhoodId()).isEmpty()) {
            errors.rejectValue("neighbourhoodId", "register.neighbourhood.unknown");
        }
    }

    /**
     * Adds a checked entry. {@code accountId} links it to the person's own account (self-registration while
     * signed in), so that they can withdraw and find it in their data export.
     */
    @Transactional
    public long register(VulnerablePersonForm form, Long accountId, Registrar registrar) {
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_register_person (full_name, birth_date, age_bracket, address, neighbourhood_id,
                    phone, other_phone, contact_name, contact_phone, needs, needs_note, doctor, account_id,
                    registered_by, registered_by_account_id, registered_by_label, consented_at, created_at,
                    reviewed_at, review_due)
                values (:fullName, :birthDate, :ageBracket, :address, :neighbourhood, :phone, :otherPhone,
                    :contactName, :contactPhone, :needs, :needsNote, :doctor, :account, :registeredBy,
                    :registrarAccount, :registrarLabel, :now, :now, :now, :due)""")
                .param("fullName", form.getFullName().strip())
                .param("birthDate", form.getBirthDate())
                .param("ageBracket", form.getBirthDate() == null ? form.getAgeBracket().name() : null)
                .param("address", form.getAddress().strip())
                .param("neighbourhood", form.getNeighbourhoodId())
                .param("phone", VulnerablePersonForm.normalisePhone(form.getPhone()))
                .param("otherPhone", VulnerablePersonForm.normalisePhone(form.getOtherPhone()))
                .param("contactName", Text.blankToNull(form.getContactName()))
                .param("contactPhone", VulnerablePersonForm.normalisePhone(form.getContactPhone()))
                .param("needs", form.getNeeds().stream().map(Need::name).sorted().collect(Collectors.joining(",")))
                .param("needsNote", Text.blankToNull(form.getNeedsNote()))
                .param("doctor", Text.blankToNull(form.getDoctor()))
                .param("account", accountId)
                .param("registeredBy", registrar.agent() ? "AGENT" : "SELF")
                .param("registrarAccount", registrar.accountId())
                .param("registrarLabel", registrar.label())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("due", today().plusYears(1))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<VulnerablePerson> find(long id) {
        return jdbc.sql("select * from alerts_register_person where id = ?").param(id).query(VulnerablePeople::map)
                .optional();
    }

    public List<VulnerablePerson> all() {
        return jdbc.sql("select * from alerts_register_person order by full_name, id").query(VulnerablePeople::map)
                .list();
    }

    /** Entries whose yearly review is due today or earlier, oldest first. */
    public List<VulnerablePerson> dueForReview() {
        return jdbc.sql("select * from alerts_register_person where review_due <= ? order by review_due, id")
                .param(today()).query(VulnerablePeople::map).list();
    }

    /** The person confirmed that they stay in the register: next review in a year. */
    public boolean confirmReview(long id) {
        return jdbc.sql("update alerts_register_person set reviewed_at = ?, review_due = ? where id = ?")
                .param(OffsetDateTime.now(clock)).param(today().plusYears(1)).param(id).update() == 1;
    }

    /** Removes the entry and its follow-ups. */
    public boolean remove(long id) {
        return jdbc.sql("delete from alerts_register_person where id = ?").param(id).update() == 1;
    }

    /** The entries linked to an account (one, unless the person registered twice). */
    public List<VulnerablePerson> ofAccount(long accountId) {
        return jdbc.sql("select * from alerts_register_person where account_id = ? order by id").param(accountId)
                .query(VulnerablePeople::map).list();
    }

    /** The entries linked to an account, for its data export. */
    public List<Map<String, Object>> export(long accountId) {
        return ofAccount(accountId).stream().map(VulnerablePeople::exported).toList();
    }

    public void eraseAccount(long accountId) {
        jdbc.sql("delete from alerts_register_person where account_id = ?").param(accountId).update();
    }

    /** Deletes the entries whose review is overdue by more than the configured months; answers how many. */
    public int applyRetention() {
        return jdbc.sql("delete from alerts_register_person where review_due < ?")
                .param(today().minusMonths(unconfirmedMonths)).update();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CommuneTime.ZONE);
    }

    private static Map<String, Object> exported(VulnerablePerson p) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("fullName", p.fullName());
        map.put("birthDate", p.birthDate() == null ? "" : p.birthDate().toString());
        map.put("ageBracket", p.ageBracket() == null ? "" : p.ageBracket().name());
        map.put("address", p.address());
        map.put("phone", p.phone());
        map.put("otherPhone", Optional.ofNullable(p.otherPhone()).orElse(""));
        map.put("contactName", Optional.ofNullable(p.contactName()).orElse(""));
        map.put("contactPhone", Optional.ofNullable(p.contactPhone()).orElse(""));
        map.put("needs", p.needs().stream().map(Need::name).toList());
        map.put("needsNote", Optional.ofNullable(p.needsNote()).orElse(""));
        map.put("doctor", Optional.ofNullable(p.doctor()).orElse(""));
        map.put("consentedAt", p.consentedAt().toString());
        map.put("reviewDue", p.reviewDue().toString());
        return map;
    }

    static VulnerablePerson map(ResultSet rs, int row) throws SQLException {
        String needs = rs.getString("needs");
        Set<Need> set = EnumSet.noneOf(Need.class);
        if (needs != null && !needs.isBlank()) {
            Arrays.stream(needs.split(",")).map(Need::valueOf).forEach(set::add);
        }
        String bracket = rs.getString("age_bracket");
        return new VulnerablePerson(rs.getLong("id"), rs.getString("full_name"),
                rs.getObject("birth_date", LocalDate.class), bracket == null ? null : AgeBracket.valueOf(bracket),
                rs.getString("address"), rs.getObject("neighbourhood_id", Long.class), rs.getString("phone"),
                rs.getString("other_phone"), rs.getString("contact_name"), rs.getString("contact_phone"), set,
                rs.getString("needs_note"), rs.getString("doctor"), rs.getObject("account_id", Long.class),
                rs.getString("registered_by"), rs.getObject("registered_by_account_id", Long.class),
                rs.getString("registered_by_label"), instant(rs, "consented_at"), instant(rs, "created_at"),
                instant(rs, "reviewed_at"), rs.getObject("review_due", LocalDate.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
