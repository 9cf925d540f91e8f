package org.beffroi.alerts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.beffroi.platform.AuditLog;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads bounces: delivery status notifications (RFC 3464, {@code multipart/report;
 * report-type=delivery-status}), parsed by Angus Mail's {@code dsn} content handlers. For each recipient
 * the report names: Action {@code failed} with a 5.x.x Status is a permanent failure; the address, if we
 * mailed it (the delivery the report names, or a subscription), goes on the suppression list, its
 * subscriptions end (status {@code BOUNCED}) and the
 * delivery the report names (by its Message-ID or the VERP address it came back to, see
 * {@link BounceReferences}) is marked {@code BOUNCED}. Anything else (delayed, 4.x.x, delivered) is
 * transient: nothing is recorded. A message that is not a report, or a report about an address we never
 * mailed, changes nothing and is logged.
 */
@Service
public class Bounces {

    private static final Logger log = LoggerFactory.getLogger(Bounces.class);
    private static final Session SESSION = Session.getInstance(new Properties());

    private final JdbcClient jdbc;
    private final PendingDeliveries pending;
    private final BounceReferences references;
    private final Clock clock;
    private final AuditLog audit;

    Bounces(JdbcClient jdbc, BounceReferences references, Clock clock, PendingDeliveries pending, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.pending = pending;
        this.references = references;
        this.clock = clock;
    }

    /** What a message turned out to be. */
    public enum Outcome {
        /** At least one address failed for good and is now suppressed. */
        BOUNCED,
        /** A report of delays or other transient states only: nothing recorded. */
        TRANSIENT,
        /** A report about addresses we never mailed: nothing recorded. */
        UNKNOWN_RECIPIENT,
        /** Not a delivery status notification (an auto-reply, a reply, spam): nothing recorded. */
        NOT_A_REPORT,
        /** Not readable as a message: nothing recorded. */
        MALFORMED
    }

    /** A line of the suppression list. */
    public record Suppression(long id, String address, String reason, String statusCode, String diagnostic,
            Long deliveryId, OffsetDateTime suppressedAt) {
    }

    /** Reads a raw message (RFC 5322), as a mail server's pipe hands it over. */
    @Transactional
    public Outcome process(InputStream raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, raw);
        } catch (MessagingException e) {
            log.info("Bounce not readable as a message: {}", e.getMessage());
            return Outcome.MALFORMED;
        }
        return process(message);
    }

    /** Reads one message of the bounce mailbox. */
    @Transactional
    public Outcome process(Message message) {
        try {
            if (!message.isMimeType("multipart/report")
                    || !(message.getContent() instanceof MultipartReport report)
                    || !(report.getReport() instanceof DeliveryStatus status)) {
                log.info("Not a delivery status notification ({}), ignored", message.getContentType());
                return Outcome.NOT_A_REPORT;
            }
            Optional<Long> delivery = identify(message, report);
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < status.getRecipientDSNCount(); i++) {
                outcomes.add(recipient(status.getRecipientDSN(i), delivery));
            }
            if (outcomes.contains(Outcome.BOUNCED)) {
                return Outcome.BOUNCED;
            }
            return outcomes.contains(Outcome.UNKNOWN_RECIPIENT) ? Outcome.UNKNOWN_RECIPIENT : Outcome.TRANSIENT;
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof org.springframework.dao.DataAccessException dataAccess) {
                throw dataAccess; // the database's trouble, not the message's: read it again later
            }
            log.info("Delivery status notification not readable, ignored: {}", e.toString());
            return Outcome.MALFORMED;
        }
    }

    /**
     * The delivery the report is about, as the log's row: the Message-ID it returns, or the VERP address it came
     * back to, names a message and a subscription.
     */
    private Optional<Long> identify(Message message, MultipartReport report) throws MessagingException {
        var candidates = new ArrayList<String>();
        MimeMessage returned = report.getReturnedMessage();
        if (returned != null) {
            addAll(candidates, returned.getHeader("Message-ID"));
            addAll(candidates, returned.getHeader("Return-Path"));
        }
        for (String header : List.of("To", "Delivered-To", "X-Original-To", "Envelope-To")) {
            addAll(candidates, message.getHeader(header));
        }
        return candidates.stream().map(references::delivery).flatMap(Optional::stream)
                .map(named -> jdbc.sql("select id from alerts_delivery where message_id = ? and subscription_id = ?")
                        .params(named.messageId(), named.subscriptionId()).query(Long.class).optional())
                .flatMap(Optional::stream).findFirst();
    }

    private static void addAll(List<String> list, String[] values) {
        if (values != null) {
            list.addAll(List.of(values));
        }
    }

    private Outcome recipient(InternetHeaders fields, Optional<Long> delivery) {
        String action = lower(fields.getHeader("Action", null));
        String code = firstWord(fields.getHeader("Status", null));
        String address = address(fields.getHeader("Final-Recipient", null));
        String original = address(fields.getHeader("Original-Recipient", null));
        if (!"failed".equals(action) || code == null || !code.startsWith("5.")) {
            log.info("Transient delivery status (action {}, status {}): nothing recorded", action, code);
            return Outcome.TRANSIENT;
        }
        Long named = delivery.flatMap(id -> jdbc.sql("select address from alerts_delivery where id = ? and channel = 'EMAIL'")
                .param(id).query(String.class).optional().map(a -> a.toLowerCase(Locale.ROOT))
                .filter(a -> a.equals(address) || a.equals(original)).map(a -> id)).orElse(null);
        String suppressed = address != null ? address : original;
        if (named != null) {
            suppressed = jdbc.sql("select address from alerts_delivery where id = ?").param(named).query(String.class)
                    .single().toLowerCase(Locale.ROOT);
        } else if (!mailed(address) && !mailed(original)) {
            log.info("Permanent failure ({}) for an address never mailed, ignored", code);
            return Outcome.UNKNOWN_RECIPIENT;
        } else if (!mailed(suppressed)) {
            suppressed = original;
        }
        String diagnostic = fields.getHeader("Diagnostic-Code", null);
        suppress(suppressed, code, diagnostic == null ? null : diagnostic.strip(), named);
        return Outcome.BOUNCED;
    }

    /** Whether the address has an e-mail subscription (pending, confirmed or ended by a bounce). */
    private boolean mailed(String address) {
        return address != null && jdbc.sql("select count(*) from alerts_subscription where channel = 'EMAIL' and address = ?")
                .param(address).query(Long.class).single() > 0;
    }

    private void suppress(String address, String code, String diagnostic, Long deliveryId) {
        var now = OffsetDateTime.now(clock);
        String shortDiagnostic = diagnostic == null ? null : diagnostic.length() > 500 ? diagnostic.substring(0, 500) : diagnostic;
        int updated = jdbc.sql("""
                update alerts_suppression set status_code = ?, diagnostic = ?, delivery_id = coalesce(?, delivery_id),
                    suppressed_at = ? where address = ?""")
                .params(code, shortDiagnostic, deliveryId, now, address).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into alerts_suppression (address, reason, status_code, diagnostic, delivery_id, suppressed_at)
                        values (?, 'BOUNCE', ?, ?, ?, ?)""")
                        .params(address, code, shortDiagnostic, deliveryId, now).update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another node recorded the same address at the same moment
            }
        }
        var ended = jdbc.sql("select id from alerts_subscription where channel = 'EMAIL' and address = ? and status <> 'BOUNCED'")
                .param(address).query(Long.class).list();
        for (long subscription : ended) {
            pending.dropFor(subscription);
            jdbc.sql("""
                    update alerts_subscription set status = 'BOUNCED', confirm_token_hash = null, confirm_code_hash = null,
                        confirm_expires_at = null where id = ?""").param(subscription).update();
        }
        if (deliveryId != null) {
            jdbc.sql("update alerts_delivery set status = 'BOUNCED', last_error = ? where id = ?")
                    .params("BOUNCED " + code, deliveryId).update();
        }
        log.info("Address suppressed after a permanent failure ({}); {} subscription(s) ended, delivery {}", code,
                ended.size(), deliveryId);
    }

    /** Lifts the suppression of an address: its owner confirmed a new subscription. */
    static void lift(JdbcClient jdbc, String address) {
        jdbc.sql("delete from alerts_suppression where address = ?").param(address.toLowerCase(Locale.ROOT)).update();
    }

    public boolean suppressed(String address) {
        return address != null && jdbc.sql("select count(*) from alerts_suppression where address = ?")
                .param(address.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    /** A page of the suppression list, by id. */
    public List<Suppression> page(long afterId, int size) {
        return jdbc.sql("select * from alerts_suppression where id > ? order by id limit ?").params(afterId, size)
                .query((rs, n) -> new Suppression(rs.getLong("id"), rs.getString("address"), rs.getString("reason"),
                        rs.getString("status_code"), rs.getString("diagnostic"), rs.getObject("delivery_id", Long.class),
                        rs.getObject("suppressed_at", OffsetDateTime.class)))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from alerts_suppression").query(Long.class).single();
    }

    public Optional<String> addressOf(long id) {
        return jdbc.sql("select address from alerts_suppression where id = ?").param(id).query(String.class).optional();
    }

    /** Takes an address off the list (an agent's decision); its ended subscriptions stay ended. */
    @Transactional
    public boolean remove(long id) {
        boolean removed = jdbc.sql("delete from alerts_suppression where id = ?").param(id).update() == 1;
        if (removed) {
            audit.record("alerts.suppression.removed", "suppression:" + id, null);
        }
        return removed;
    }

    /** The whole list, to an agent's export: audited first, so that an export cut short is still recorded. */
    public void export(Consumer<Suppression> row) {
        audit.record("alerts.suppressions.exported", null, null);
        Paging.each(this::page, Suppression::id, row);
    }

    /** Suppressions are forgotten three years after the bounce. */
    @Transactional
    public void applyRetention() {
        jdbc.sql("delete from alerts_suppression where suppressed_at < ?").param(OffsetDateTime.now(clock).minusYears(3))
                .update();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().split("[\\s(]", 2)[0];
    }

    /** {@code rfc822; someone@example.org} → {@code someone@example.org}, lower-cased. */
    private static String address(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String value = (semicolon >= 0 ? field.substring(semicolon + 1) : field).strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() || !value.contains("@") ? null : value.toLowerCase(Locale.ROOT);
    }
}
