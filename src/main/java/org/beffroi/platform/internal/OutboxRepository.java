package org.beffroi.platform.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail outbox as the back office reads it. */
@Repository
@RequiredArgsConstructor
public class OutboxRepository {

    private final JdbcClient jdbc;

    /** A mail as listed; its body and the names of its files only when one mail is shown. */
    public record Mail(long id, String recipient, String subject, String status, int attempts,
            OffsetDateTime createdAt, String body, List<String> files) {
    }

    /** Newest first; one more than asked, so the caller knows whether a next page exists. */
    public List<Mail> page(String recipientContains, int page, int size) {
        String filter = recipientContains.toLowerCase(Locale.ROOT).replace("%", "");
        return jdbc.sql("""
                select id, recipient, subject, status, attempts, created_at, null as body from platform_mail
                where lower(recipient) like ? order by id desc limit ? offset ?""")
                .params("%" + filter + "%", size + 1, page * size)
                .query((rs, n) -> mail(rs, rs.getString("body"), List.of())).list();
    }

    /**
     * One mail with its body as it may be shown: a kept mail holds its secrets only where they may be shown
     * (the demo's outbox); elsewhere they read as {@code hidden}.
     */
    public Optional<Mail> find(long id, String hidden) {
        var files = jdbc.sql("select file_name from platform_mail_attachment where mail_id = ? order by position")
                .param(id).query(String.class).list();
        return jdbc.sql("select * from platform_mail where id = ?").param(id)
                .query((rs, n) -> mail(rs, MailText.shown(rs.getString("body"),
                        "KEPT".equals(rs.getString("status")) ? rs.getString("secrets") : null, hidden), files))
                .optional();
    }

    private static Mail mail(java.sql.ResultSet rs, String body, List<String> files) throws java.sql.SQLException {
        return new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class), body, files);
    }
}
