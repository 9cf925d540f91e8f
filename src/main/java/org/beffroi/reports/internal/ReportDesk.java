package org.beffroi.reports.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Addresses;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.SecureTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every write of a report, each in one transaction with its mail (outbox) and audit entry: filing (photos included:
 * a photo refused rolls the whole report back), confirming an address by its mailed link, supporting a report,
 * an agent's change of status (with the photo of the fix) and internal note, sending a report to another service,
 * merging a report into another.
 */
@Component
@RequiredArgsConstructor
public class ReportDesk {

    /** The most merges followed from a report to the one kept (a merge never targets a duplicate, so 1 in practice). */
    private static final int MERGE_CHAIN = 10;

    /** How long a mailed confirmation link works. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    /** The longest side of a stored photo, in pixels. */
    static final int PHOTO_MAX_DIMENSION = 1600;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Categories categories;
    private final CategoryQuestions questions;
    private final ReportArea area;
    private final ReportStore store;
    private final ReportMail mail;
    private final ImageUploads images;
    private final AuditLog audit;
    private final ReportGuard guard;
    private final TransactionTemplate transactions;
    private final SewageWatch sewage;
    private final Addresses addresses;
    private final ReportSearch search;

    /** Who files or supports: a signed-in account (its address known), or an address to confirm. */
    public record Person(Long accountId, String email, String name) {

        String key() {
            return accountId != null ? "account:" + accountId : email.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** A report as the form gives it, already checked; answers: to its category's questions, by question. */
    public record Filing(long categoryId, Double latitude, Double longitude, String street, String streetNumber,
            String description, List<MultipartFile> photos, Person person, boolean showName, Map<Long, String> answers) {
    }

    /** A photo that is not an image (or too large), with its place among those sent. */
    public static class PhotoRefused extends Exception {

        private final transient InvalidUploadException cause;

        PhotoRefused(InvalidUploadException cause) {
            super(cause.messageKey());
            this.cause = cause;
        }

        public String messageKey() {
            return cause.messageKey();
        }

        public Object[] arguments() {
            return cause.arguments();
        }
    }

    /** Files the report; answers its id. Nothing is kept when a photo is refused. */
    @Transactional(rollbackFor = PhotoRefused.class)
    public long file(Filing filing) throws PhotoRefused {
        return file(filing, filing.person().accountId() != null);
    }

    /**
     * Files a report an Open311 client sends and vouches for (no photo): its address is taken as confirmed, so the
     * report is public and routed at once, and the client is noted on it.
     */
    @Transactional
    public long fileForClient(Filing filing, long apiClientId) {
        try {
            long id = file(filing, true);
            jdbc.sql("update reports_report set api_client_id = ? where id = ?").params(apiClientId, id).update();
            return id;
        } catch (PhotoRefused e) {
            throw new IllegalArgumentException("an Open311 report has no photo", e);
        }
    }

    private long file(Filing filing, boolean confirmed) throws PhotoRefused {
        var category = categories.find(filing.categoryId()).filter(Category::active).orElseThrow();
        Instant now = clock.instant();
        Double latitude = filing.latitude();
        Double longitude = filing.longitude();
        if (latitude == null && filing.street() != null) {
            // a street of the commune's imported addresses gets its point: on the map, in its neighbourhood
            var located = addresses.locate(filing.street(), filing.streetNumber());
            latitude = located.map(Addresses.Located::latitude).orElse(null);
            longitude = located.map(Addresses.Located::longitude).orElse(null);
        }
        Long neighbourhood = latitude == null ? null : area.neighbourhoodOf(latitude, longitude).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_report (category_id, status, latitude, longitude, street, street_number,"
                + " neighbourhood_id, service_id, description, account_id, email, reporter_name, show_name, created_at,"
                + " confirmed_at, due_at, status_at) values (?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(category.id(), latitude, longitude, Categories.blankToNull(filing.street()),
                        Categories.blankToNull(filing.streetNumber()), neighbourhood,
                        confirmed ? categories.serviceFor(category, neighbourhood) : null, filing.description().strip(),
                        filing.person().accountId(), filing.person().email().strip().toLowerCase(Locale.ROOT),
                        Categories.blankToNull(filing.person().name()), filing.showName(), Timestamp.from(now),
                        confirmed ? Timestamp.from(now) : null,
                        confirmed ? Timestamp.from(now.plus(Duration.ofDays(category.targetDays()))) : null,
                        Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        questions.store(id, category.id(), filing.answers());
        int order = 0;
        for (var photo : filing.photos()) {
            if (photo == null || photo.isEmpty()) {
                continue;
            }
            try {
                var stored = images.storeImage(photo, PHOTO_MAX_DIMENSION);
                jdbc.sql("insert into reports_photo (report_id, sort_order, file_id) values (?, ?, ?)")
                        .params(id, ++order, stored.id()).update();
            } catch (InvalidUploadException e) {
                throw new PhotoRefused(e);
            }
        }
        long follower = insertFollower(id, filing.person(), true, confirmed, now);
        if (confirmed) {
            opened(id, now);
        } else {
            mail.toConfirm(filing.person().email(), id, true, newToken(follower, now));
        }
        return id;
    }

    /** What came of a support. */
    public enum Support { FOLLOWING, TO_CONFIRM, ALREADY, CLOSED }

    /**
     * Adds the person to the report's followers, once: the unique key (report, person) refuses a second row, and the
     * person is told they already follow it. Without an account, the address is confirmed by a mailed link first.
     */
    public Support support(long reportId, Person person) {
        var report = store.findPublic(reportId).orElseThrow();
        if (!report.status().open()) {
            return Support.CLOSED;
        }
        try {
            return transactions.execute(tx -> {
                Instant now = clock.instant();
                boolean confirmed = person.accountId() != null;
                long follower;
                if (guard.supportOnce) {
                    follower = insertFollower(reportId, person, false, confirmed, now);
                } else {
                    // negative control only: read, pause, write without the key
                    long already = jdbc.sql("select count(*) from reports_follower where report_id = ? and email = ?")
                            .params(reportId, person.email().strip().toLowerCase(Locale.ROOT)).query(Long.class)
                            .single();
                    if (already > 0) {
                        return Support.ALREADY;
                    }
                    NegativeControls.widenTheRace();
                    follower = insertFollowerRow(reportId, null, person, false, confirmed, now);
                }
                if (confirmed) {
                    return Support.FOLLOWING;
                }
                mail.toConfirm(person.email(), reportId, false, newToken(follower, now));
                return Support.TO_CONFIRM;
            });
        } catch (DuplicateKeyException e) {
            return Support.ALREADY;
        }
    }

    /**
     * Uses a mailed link: confirms the follower's address, and when it is the reporter's, publishes the report and
     * routes it to its category's service, or to the one the category has in the report's neighbourhood. Answers the
     * report's id; empty for a link unknown, used or expired.
     */
    @Transactional
    public Optional<Long> confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String digest = SecureTokens.digest(token);
        int used = jdbc.sql("update reports_token set used_at = ? where token_hash = ? and used_at is null"
                + " and expires_at > ?").params(Timestamp.from(now), digest, Timestamp.from(now)).update();
        if (used == 0) {
            return Optional.empty();
        }
        var follower = jdbc.sql("select f.id, f.report_id, f.account_id, f.email, f.reporter, f.confirmed_at"
                + " from reports_follower f join reports_token t on t.follower_id = f.id where t.token_hash = ?")
                .param(digest).query(ReportStore.FOLLOWER).single();
        jdbc.sql("update reports_follower set confirmed_at = ? where id = ? and confirmed_at is null")
                .params(Timestamp.from(now), follower.id()).update();
        followTheKeptReport(follower.id(), follower.reportId(), now);
        if (follower.reporter()) {
            var report = store.find(follower.reportId()).orElseThrow();
            var category = categories.find(report.categoryId()).orElseThrow();
            int confirmed = jdbc.sql("update reports_report set confirmed_at = ?, due_at = ?, service_id = ?"
                    + " where id = ? and confirmed_at is null")
                    .params(Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(category.targetDays()))),
                            categories.serviceFor(category, report.neighbourhoodId()), report.id()).update();
            if (confirmed == 1) {
                opened(report.id(), now);
            }
        }
        return Optional.of(follower.reportId());
    }

    /**
     * A follower who confirms their address after the report was merged (a merge carries confirmed followers only)
     * follows the report it was merged into — the last of a chain of merges — once, so that its changes reach them.
     */
    private void followTheKeptReport(long followerId, long reportId, Instant now) {
        Long kept = null;
        long current = reportId;
        for (int hop = 0; hop < MERGE_CHAIN; hop++) {
            var next = jdbc.sql("select duplicate_of from reports_report where id = ? and status = 'DUPLICATE'"
                    + " and duplicate_of is not null").param(current).query(Long.class).optional();
            if (next.isEmpty()) {
                break;
            }
            kept = next.get();
            current = kept;
        }
        if (kept != null) {
            jdbc.sql("insert into reports_follower (report_id, person, account_id, email, reporter, confirmed_at,"
                    + " created_at) select ?, f.person, f.account_id, f.email, false, ?, ? from reports_follower f"
                    + " where f.id = ? and f.person is not null and not exists"
                    + " (select 1 from reports_follower t where t.report_id = ? and t.person = f.person)")
                    .params(kept, Timestamp.from(now), Timestamp.from(now), followerId, kept).update();
        }
    }

    /**
     * An agent's change of a report's status, what it carries, and the public message; every follower is told: by
     * mail, or by text message when they chose SMS in the alerts. {@code photo} (may be null or empty) is the photo
     * of the fix, taken with « fixed » only.
     */
    public record StatusChange(ReportStatus status, String message, LocalDate plannedOn, String responsibleBody,
            Long duplicateOf, MultipartFile photo) {
    }

    /** Changes the status; a photo of the fix that is not an image rolls it all back. */
    @Transactional(rollbackFor = PhotoRefused.class)
    public void changeStatus(long reportId, StatusChange change, long agentAccountId) throws PhotoRefused {
        jdbc.sql("update reports_report set status = ?, status_at = ?, planned_on = ?, responsible_body = ?,"
                + " duplicate_of = ? where id = ?")
                .params(change.status().name(), Timestamp.from(clock.instant()),
                        change.status() == ReportStatus.PLANNED ? change.plannedOn() : null,
                        change.status() == ReportStatus.NOT_OURS ? Categories.blankToNull(change.responsibleBody()) : null,
                        change.status() == ReportStatus.DUPLICATE ? change.duplicateOf() : null, reportId)
                .update();
        UUID photo = null;
        if (change.status() == ReportStatus.FIXED && change.photo() != null && !change.photo().isEmpty()) {
            try {
                photo = images.storeImage(change.photo(), PHOTO_MAX_DIMENSION).id();
            } catch (InvalidUploadException e) {
                throw new PhotoRefused(e);
            }
        }
        statusSet(reportId, change.status(), change.message(), photo, agentAccountId);
    }

    /** The public history entry of a status just set, the mail to every follower, and the audit entry. */
    private void statusSet(long reportId, ReportStatus status, String text, UUID photo, long agentAccountId) {
        String message = Categories.blankToNull(text);
        jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry, author_account_id,"
                + " photo_file_id) values (?, ?, ?, ?, true, ?, ?)")
                .params(reportId, Timestamp.from(clock.instant()), status.name(), message, agentAccountId, photo)
                .update();
        var report = store.find(reportId).orElseThrow();
        for (var follower : store.confirmedFollowers(reportId)) {
            mail.statusChanged(follower, report, message);
        }
        search.changed(reportId);
        audit.record("reports.status-changed", "report:" + reportId, status.name());
    }

    /** Sends a report to another service: an internal history entry, audited. */
    @Transactional
    public void move(long reportId, long serviceId, long agentAccountId) {
        jdbc.sql("update reports_report set service_id = ? where id = ?").params(serviceId, reportId).update();
        jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry, author_account_id,"
                + " moved_to_service_id) values (?, ?, null, null, false, ?, ?)")
                .params(reportId, Timestamp.from(clock.instant()), agentAccountId, serviceId).update();
        audit.record("reports.moved", "report:" + reportId, "service:" + serviceId);
    }

    /** What came of a merge. */
    public enum Merge { MERGED, ALREADY_DUPLICATE }

    /**
     * Merges a report into another: it becomes « duplicate of » the target (its followers are told, as of any status),
     * and its confirmed followers — its reporter first — follow the target, each person once (the unique key
     * {@code reports_follower_once}), so that every later change of the target reaches them. A report merges once:
     * the status is set only where it is not « duplicate » yet, in the same statement, so two merges of the same
     * report at once cannot both happen.
     */
    public Merge merge(long reportId, long targetId, String message, long agentAccountId) {
        try {
            return transactions.execute(tx -> mergeOnce(reportId, targetId, message, agentAccountId));
        } catch (DuplicateKeyException e) {
            // someone began following the target meanwhile: the same merge again skips them
            return transactions.execute(tx -> mergeOnce(reportId, targetId, message, agentAccountId));
        }
    }

    private Merge mergeOnce(long reportId, long targetId, String message, long agentAccountId) {
        Instant now = clock.instant();
        int merged;
        if (guard.mergeOnce) {
            merged = jdbc.sql("update reports_report set status = 'DUPLICATE', status_at = ?, planned_on = null,"
                    + " responsible_body = null, duplicate_of = ? where id = ? and status <> 'DUPLICATE'")
                    .params(Timestamp.from(now), targetId, reportId).update();
        } else {
            // negative control only: read, pause, write without condition
            if (store.find(reportId).orElseThrow().status() == ReportStatus.DUPLICATE) {
                return Merge.ALREADY_DUPLICATE;
            }
            NegativeControls.widenTheRace();
            merged = jdbc.sql("update reports_report set status = 'DUPLICATE', status_at = ?, planned_on = null,"
                    + " responsible_body = null, duplicate_of = ? where id = ?")
                    .params(Timestamp.from(now), targetId, reportId).update();
        }
        if (merged == 0) {
            return Merge.ALREADY_DUPLICATE;
        }
        jdbc.sql("insert into reports_follower (report_id, person, account_id, email, reporter, confirmed_at, created_at)"
                + " select ?, f.person, f.account_id, f.email, false, f.confirmed_at, ? from reports_follower f"
                + " where f.report_id = ? and f.confirmed_at is not null and f.person is not null and not exists"
                + " (select 1 from reports_follower t where t.report_id = ? and t.person = f.person)")
                .params(targetId, Timestamp.from(now), reportId, targetId).update();
        statusSet(reportId, ReportStatus.DUPLICATE, message, null, agentAccountId);
        audit.record("reports.merged", "report:" + reportId, "report:" + targetId);
        return Merge.MERGED;
    }

    /** A note only agents read. */
    @Transactional
    public void addNote(long reportId, String note, long agentAccountId) {
        jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry, author_account_id)"
                + " values (?, ?, null, ?, false, ?)")
                .params(reportId, Timestamp.from(clock.instant()), note.strip(), agentAccountId).update();
        audit.record("reports.note-added", "report:" + reportId, null);
    }

    /** The first entry of the public history: the report is received. */
    private void opened(long reportId, Instant now) {
        jdbc.sql("insert into reports_update (report_id, occurred_at, status, message, public_entry) values (?, ?, 'NEW',"
                + " null, true)").params(reportId, Timestamp.from(now)).update();
        sewage.opened(reportId);
        search.changed(reportId);
    }

    private long insertFollower(long reportId, Person person, boolean reporter, boolean confirmed, Instant now) {
        return insertFollowerRow(reportId, person.key(), person, reporter, confirmed, now);
    }

    private long insertFollowerRow(long reportId, String key, Person person, boolean reporter, boolean confirmed,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_follower (report_id, person, account_id, email, reporter, confirmed_at,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(reportId, key, person.accountId(), person.email().strip().toLowerCase(Locale.ROOT), reporter,
                        confirmed ? Timestamp.from(now) : null, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String newToken(long follower, Instant now) {
        String token = SecureTokens.newToken();
        jdbc.sql("insert into reports_token (token_hash, follower_id, expires_at) values (?, ?, ?)")
                .params(SecureTokens.digest(token), follower, Timestamp.from(now.plus(LINK_LIFETIME))).update();
        return token;
    }
}
