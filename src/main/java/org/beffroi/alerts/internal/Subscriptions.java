package org.beffroi.alerts.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;

import org.beffroi.alerts.internal.Subscription.Status;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.SecureTokens;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions without an account, confirmed before anything is sent: by a mailed link (single use,
 * three days) or by a code sent by SMS (single use, thirty minutes, five tries).
 */
@Service
public class Subscriptions {

    static final Duration EMAIL_CONFIRMATION = Duration.ofDays(3);
    static final Duration SMS_CONFIRMATION = Duration.ofMinutes(30);
    static final int CODE_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PendingDeliveries pending;
    private final Mailer mailer;
    private final SmsProvider sms;
    private final LinkSigner links;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private final AuditLog audit;

    Subscriptions(JdbcClient jdbc, Mailer mailer, SmsProvider sms, LinkSigner links, MessageSource messages,
            PublicAddress publicAddress, Clock clock, PendingDeliveries pending, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.pending = pending;
        this.mailer = mailer;
        this.sms = sms;
        this.links = links;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /** What a confirmation attempt found. */
    public enum Confirmation {
        CONFIRMED, INVALID, WRONG_CODE
    }

    /**
     * Records a pending subscription and sends its confirmation; answers the token that names it (the
     * SMS code's page needs it; the e-mail's is in the mailed link only).
     */
    @Transactional
    public String subscribe(Channel channel, String address, Set<Long> topicIds, Area area, Long accountId) {
        return subscribe(channel, address, topicIds, Set.of(), area, accountId);
    }

    /** Newsletters: a subscription by e-mail to lists (and no topic), confirmed by the same mailed link. */
    @Transactional
    public String subscribeToLists(String address, Set<Long> listIds, Long accountId) {
        return subscribe(Channel.EMAIL, address, Set.of(), listIds, Area.commune(), accountId);
    }

    /** The lists a subscription holds. */
    public Set<Long> lists(long subscriptionId) {
        return new TreeSet<>(jdbc.sql("select list_id from alerts_subscription_list where subscription_id = ?")
                .param(subscriptionId).query(Long.class).list());
    }

    @Transactional
    public void changeLists(long id, Set<Long> listIds) {
        jdbc.sql("delete from alerts_subscription_list where subscription_id = ?").param(id).update();
        listIds.forEach(list -> jdbc.sql("insert into alerts_subscription_list (subscription_id, list_id) values (?, ?)")
                .params(id, list).update());
    }

    private String subscribe(Channel channel, String address, Set<Long> topicIds, Set<Long> listIds, Area area,
            Long accountId) {
        String token = SecureTokens.newToken();
        String code = channel == Channel.SMS ? "%06d".formatted(RANDOM.nextInt(1_000_000)) : null;
        var now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alerts_subscription (channel, address, status, account_id, area_kind, latitude, longitude,
                    radius_metres, confirm_token_hash, confirm_code_hash, confirm_expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(channel.name(), address, Status.PENDING.name(), accountId, area.kind().name(), area.latitude(),
                        area.longitude(), area.radiusMetres(), SecureTokens.digest(token),
                        code == null ? null : SecureTokens.digest(token + ":" + code),
                        now.plus(channel == Channel.SMS ? SMS_CONFIRMATION : EMAIL_CONFIRMATION), now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        topicIds.forEach(topic -> jdbc.sql("insert into alerts_subscription_topic (subscription_id, topic_id) values (?, ?)")
                .params(id, topic).update());
        area.neighbourhoodIds().forEach(n -> jdbc.sql(
                "insert into alerts_subscription_neighbourhood (subscription_id, neighbourhood_id) values (?, ?)")
                .params(id, n).update());
        listIds.forEach(list -> jdbc.sql("insert into alerts_subscription_list (subscription_id, list_id) values (?, ?)")
                .params(id, list).update());
        Locale locale = LocaleContextHolder.getLocale();
        if (channel == Channel.EMAIL) {
            var link = new OutgoingMail.Secret(publicAddress.of("/alertes/confirmation?jeton=" + token));
            String mail = topicIds.isEmpty() && !listIds.isEmpty() ? "newsletters.mail.confirm" : "alerts.mail.confirm";
            mailer.send(new OutgoingMail(address, messages.getMessage(mail + ".subject", null, locale),
                    messages.getMessage(mail + ".body", new Object[] {link.value()}, locale), link));
        } else {
            sms.send(address, messages.getMessage("alerts.sms.code", new Object[] {code}, locale));
        }
        return token;
    }

    /** The pending subscription a confirmation token names, while it may still be confirmed. */
    public Optional<Subscription> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select * from alerts_subscription where confirm_token_hash = ? and status = ? and confirm_expires_at > ?
                    and confirm_attempts < ?""")
                .params(SecureTokens.digest(token), Status.PENDING.name(), OffsetDateTime.now(clock), CODE_TRIES)
                .query(this::row).optional();
    }

    /** Confirms from the mailed link; the token works once. */
    @Transactional
    public Confirmation confirmEmail(String token) {
        var pending = pending(token).filter(s -> s.channel() == Channel.EMAIL);
        if (pending.isEmpty()) {
            return Confirmation.INVALID;
        }
        if (!markConfirmed(pending.get().id())) {
            return Confirmation.INVALID;
        }
        Bounces.lift(jdbc, pending.get().address()); // the owner's new double opt-in lifts a bounce's suppression
        return Confirmation.CONFIRMED;
    }

    /** Confirms with the code received by SMS; five wrong codes and the subscription can no longer be confirmed. */
    @Transactional
    public Confirmation confirmSms(String token, String code) {
        var pending = pending(token).filter(s -> s.channel() == Channel.SMS);
        if (pending.isEmpty()) {
            return Confirmation.INVALID;
        }
        String expected = jdbc.sql("select confirm_code_hash from alerts_subscription where id = ?")
                .param(pending.get().id()).query(String.class).single();
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!java.security.MessageDigest.isEqual(expected.getBytes(), SecureTokens.digest(token + ":" + typed).getBytes())) {
            jdbc.sql("update alerts_subscription set confirm_attempts = confirm_attempts + 1 where id = ?")
                    .param(pending.get().id()).update();
            return Confirmation.WRONG_CODE;
        }
        return markConfirmed(pending.get().id()) ? Confirmation.CONFIRMED : Confirmation.INVALID;
    }

    private boolean markConfirmed(long id) {
        return jdbc.sql("""
                update alerts_subscription set status = ?, confirmed_at = ?, confirm_token_hash = null,
                    confirm_code_hash = null, confirm_expires_at = null where id = ? and status = ?""")
                .params(Status.CONFIRMED.name(), OffsetDateTime.now(clock), id, Status.PENDING.name()).update() == 1;
    }

    /** The confirmed subscription a signed link names. */
    public Optional<Subscription> bySignedLink(String token) {
        return links.verify(token).flatMap(this::find).filter(s -> s.status() == Status.CONFIRMED);
    }

    public String signedLink(long subscriptionId) {
        return links.sign(subscriptionId);
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("select * from alerts_subscription where id = ?").param(id).query(this::row).optional();
    }

    /** Unsubscribes: the subscription and its deliveries not yet made are deleted. */
    @Transactional
    public boolean unsubscribe(long id) {
        pending.dropFor(id);
        return jdbc.sql("delete from alerts_subscription where id = ?").param(id).update() == 1;
    }

    /** What leaving one newsletter list came to. */
    public enum LeftList {
        /** The list is left; the subscription goes on for its other lists or topics. */
        LEFT,
        /** It was the subscription's last list and it had no topic: the subscription is ended. */
        ENDED,
        /** The subscription does not hold that list (left already): nothing changed. */
        NOT_HELD
    }

    /**
     * Leaves one newsletter list, as the one-click unsubscribe of that list's mail asks: the subscription goes on
     * for its other lists and topics, and ends with its last.
     */
    @Transactional
    public LeftList leaveList(long id, long listId) {
        if (jdbc.sql("delete from alerts_subscription_list where subscription_id = ? and list_id = ?").params(id, listId)
                .update() == 0) {
            return LeftList.NOT_HELD;
        }
        boolean more = jdbc.sql("""
                select count(*) from alerts_subscription_list where subscription_id = ?""").param(id).query(Long.class).single()
                + jdbc.sql("select count(*) from alerts_subscription_topic where subscription_id = ?").param(id)
                        .query(Long.class).single() > 0;
        if (more) {
            return LeftList.LEFT;
        }
        unsubscribe(id);
        return LeftList.ENDED;
    }

    private void changeTopics(long id, Set<Long> topicIds) {
        jdbc.sql("delete from alerts_subscription_topic where subscription_id = ?").param(id).update();
        topicIds.forEach(topic -> jdbc.sql("insert into alerts_subscription_topic (subscription_id, topic_id) values (?, ?)")
                .params(id, topic).update());
    }

    /** Replaces a subscription's topics and area together, as its preferences page sends them. */
    @Transactional
    public void changePreferences(long id, Set<Long> topicIds, Area area) {
        changeTopics(id, topicIds);
        changeArea(id, area);
    }

    /** Replaces a subscription's area: the whole commune, neighbourhoods, or a point and a radius. */
    private void changeArea(long id, Area area) {
        jdbc.sql("update alerts_subscription set area_kind = ?, latitude = ?, longitude = ?, radius_metres = ? where id = ?")
                .params(area.kind().name(), area.latitude(), area.longitude(), area.radiusMetres(), id).update();
        jdbc.sql("delete from alerts_subscription_neighbourhood where subscription_id = ?").param(id).update();
        area.neighbourhoodIds().forEach(n -> jdbc.sql(
                "insert into alerts_subscription_neighbourhood (subscription_id, neighbourhood_id) values (?, ?)")
                .params(id, n).update());
    }

    /** A page of subscriptions, by id, for the back office and its export. */
    public List<Subscription> page(long afterId, int size) {
        return jdbc.sql("select * from alerts_subscription where id > ? order by id limit ?").params(afterId, size)
                .query(this::row).list();
    }

    /** Every subscription, to an agent's export: audited first, so that an export cut short is still recorded. */
    public void export(Consumer<Subscription> row) {
        audit.record("alerts.subscribers.exported", null, null);
        Paging.each(this::page, Subscription::id, row);
    }

    /** A person's subscriptions: made signed in, or by e-mail to their account's verified address. */
    public List<Subscription> of(DataSubject subject) {
        if (subject.address().isEmpty()) {
            return jdbc.sql("select * from alerts_subscription where account_id = ? order by id")
                    .param(subject.accountId()).query(this::row).list();
        }
        return jdbc.sql("""
                select * from alerts_subscription where account_id = ? or (channel = ? and address = ?) order by id""")
                .params(subject.accountId(), Channel.EMAIL.name(), subject.address().get()).query(this::row).list();
    }

    public Map<String, Long> countsByChannel() {
        var counts = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("select channel, count(*) from alerts_subscription where status = ? group by channel order by channel")
                .param(Status.CONFIRMED.name()).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Unconfirmed subscriptions are forgotten a week after they were made. */
    @Transactional
    public void forgetUnconfirmed() {
        jdbc.sql("delete from alerts_subscription where status = ? and created_at < ?")
                .params(Status.PENDING.name(), OffsetDateTime.now(clock).minusDays(7)).update();
    }

    /** A person's erasure: their subscriptions end, and their address leaves the suppression list. */
    @Transactional
    public void erase(DataSubject subject) {
        of(subject).forEach(s -> unsubscribe(s.id()));
        subject.address().ifPresent(address -> Bounces.lift(jdbc, address));
    }

    Subscription row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Set<Long> topics = new TreeSet<>(jdbc.sql("select topic_id from alerts_subscription_topic where subscription_id = ?")
                .param(id).query(Long.class).list());
        Set<Long> neighbourhoods = new HashSet<>(jdbc.sql(
                "select neighbourhood_id from alerts_subscription_neighbourhood where subscription_id = ?")
                .param(id).query(Long.class).list());
        return new Subscription(id, Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                Status.valueOf(rs.getString("status")), (Long) rs.getObject("account_id", Long.class),
                area(rs, neighbourhoods), topics, rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("confirmed_at", OffsetDateTime.class));
    }

    static Area area(ResultSet rs, Set<Long> neighbourhoods) throws SQLException {
        return new Area(Area.Kind.valueOf(rs.getString("area_kind")), neighbourhoods,
                rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                rs.getObject("radius_metres", Integer.class));
    }

}
