package org.beffroi.alerts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the {@link Dispatcher} needs of a newsletter issue: start it, its list, its mail, and mark it sent. */
@Component
class IssueDeliveries {

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<Newsletters> newsletters; // lazy: it schedules the dispatcher's task
    private final IssueRenderer renderer;
    private final PublicAlertPages publicPages;
    private final Clock clock;

    IssueDeliveries(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<Newsletters> newsletters, IssueRenderer renderer,
            PublicAlertPages publicPages, Clock clock) {
        this.jdbc = jdbc;
        this.publicPages = publicPages;
        this.newsletters = newsletters;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Marks a scheduled issue as sending; false if it was cancelled meanwhile. */
    boolean start(long issueId) {
        return jdbc.sql("update alerts_issue set status = 'SENDING' where id = ? and status = 'SCHEDULED'")
                .param(issueId).update() == 1;
    }

    long listOf(long issueId) {
        return jdbc.sql("select list_id from alerts_issue where id = ?").param(issueId).query(Long.class).single();
    }

    DeliveryChannel.Outgoing outgoing(long issueId) {
        Issue issue = newsletters.getObject().findIssue(issueId).orElseThrow();
        return DeliveryChannel.Outgoing.issue(renderer.render(issue, newsletters.getObject().findList(issue.listId()).orElseThrow()));
    }

    /** Marks the issue sent: it joins the public archive, and the site search, in the same transaction. */
    @Transactional
    void finished(long issueId) {
        if (jdbc.sql("update alerts_issue set status = 'SENT', sent_at = ? where id = ? and status = 'SENDING'")
                .params(OffsetDateTime.now(clock), issueId).update() == 1) {
            publicPages.issueChanged(issueId);
        }
    }
}
