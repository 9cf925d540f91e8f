package org.beffroi.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.RichText;
import org.beffroi.platform.SearchDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the site search holds of this module: the pages the public reads. An alert is public from its first
 * message on, and stays so once ended ({@code /alertes/{id}} shows it, marked ended, as the archive does); a
 * newsletter issue once sent ({@code /lettres/{list}/numeros/{id}}); drafts, scheduled alerts and issues never
 * are. Alerts and issues are never deleted, so nothing is ever withdrawn. The announcements are made inside the
 * transaction that makes the page public or changes it, so the search follows only what was committed.
 */
@Component
@RequiredArgsConstructor
public class PublicAlertPages {

    static final String ALERT = "alert";
    static final String ISSUE = "newsletter";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /** The alert as the public now reads it, if it is published. */
    void alertChanged(long alertId) {
        alerts(alertId).forEach(document -> events.publishEvent(PublicContentChanged.published(document)));
    }

    /** The issue as its archive page shows it, if it is sent. */
    void issueChanged(long issueId) {
        issues(issueId).forEach(document -> events.publishEvent(PublicContentChanged.published(document)));
    }

    /** Every published alert and every sent issue, for a rebuild of the index. */
    public Stream<SearchDocument> searchDocuments() {
        return Stream.concat(alerts(null).stream(), issues(null).stream());
    }

    /**
     * The published alerts, or only that one. An alert is found by its title and message. Its neighbourhood is
     * named by id (the search names it when it answers); an alert to several neighbourhoods, to the whole commune
     * or around a point belongs to none.
     */
    private List<SearchDocument> alerts(Long only) {
        String which = only == null ? "" : " and a.id = ?";
        var neighbourhoods = new HashMap<Long, List<Long>>();
        withId(jdbc.sql("""
                select n.alert_id, n.neighbourhood_id from alerts_alert_neighbourhood n
                join alerts_alert a on a.id = n.alert_id where a.published_at is not null""" + which), only)
                .query((rs, row) -> neighbourhoods.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return withId(jdbc.sql("select a.id, a.title, a.body, a.published_at from alerts_alert a"
                + " where a.published_at is not null" + which), only).query((rs, row) -> {
                    long id = rs.getLong("id");
                    List<Long> area = neighbourhoods.getOrDefault(id, List.of());
                    return new SearchDocument(ALERT, Long.toString(id), rs.getString("title"), rs.getString("body"),
                            "/alertes/" + id, instant(rs, "published_at"), area.size() == 1 ? area.getFirst() : null);
                }).list();
    }

    /** The sent issues, or only that one. An issue is found by its title, its introduction and what it carried. */
    private List<SearchDocument> issues(Long only) {
        String which = only == null ? "" : " and i.id = ?";
        var items = new HashMap<Long, StringBuilder>();
        withId(jdbc.sql("""
                select t.issue_id, t.title, t.summary from alerts_issue_item t join alerts_issue i on i.id = t.issue_id
                where t.included = true and i.status = 'SENT'""" + which + " order by t.position, t.id"), only)
                .query((rs, row) -> {
                    var text = items.computeIfAbsent(rs.getLong(1), k -> new StringBuilder()).append('\n')
                            .append(rs.getString(2));
                    return rs.getString(3) == null ? text : text.append(" – ").append(rs.getString(3));
                }).list();
        return withId(jdbc.sql("select i.id, i.list_id, i.title, i.intro, i.sent_at from alerts_issue i"
                + " where i.status = 'SENT'" + which), only).query((rs, row) -> {
                    long id = rs.getLong("id");
                    return new SearchDocument(ISSUE, Long.toString(id), rs.getString("title"),
                            RichText.toPlainText(rs.getString("intro")) + items.getOrDefault(id, new StringBuilder()),
                            "/lettres/" + rs.getLong("list_id") + "/numeros/" + id, instant(rs, "sent_at"), null);
                }).list();
    }

    private static JdbcClient.StatementSpec withId(JdbcClient.StatementSpec statement, Long only) {
        return only == null ? statement : statement.param(only);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
