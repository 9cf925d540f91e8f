package org.beffroi.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A message moves only along the statuses MessageStatus allows, and the database holds nothing else. */
@BeffroiTest
class MessageStatesTest {

    @Autowired
    MessageStates states;

    @Autowired
    Newsletters newsletters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMessageMovesForwardOnceAndNeverBack() {
        long message = message("SCHEDULED");

        assertThat(states.move(message, MessageStatus.SCHEDULED, MessageStatus.PLANNING)).isTrue();
        // a second run that still believed it scheduled does not move it again
        assertThat(states.move(message, MessageStatus.SCHEDULED, MessageStatus.CANCELLED)).isFalse();
        assertThat(states.of(message)).isEqualTo(MessageStatus.PLANNING);

        assertThat(states.move(message, MessageStatus.PLANNING, MessageStatus.SENDING)).isTrue();
        assertThat(states.move(message, MessageStatus.SENDING, MessageStatus.DONE)).isTrue();
        assertThat(jdbc.queryForObject("select finished_at from alerts_message where id = ?", OffsetDateTime.class,
                message)).isNotNull();

        assertThatThrownBy(() -> states.move(message, MessageStatus.DONE, MessageStatus.PLANNING))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> states.move(message, MessageStatus.PLANNING, MessageStatus.CANCELLED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(states.of(message)).isEqualTo(MessageStatus.DONE);
    }

    @Test
    void theDatabaseRefusesAStatusThatIsNotOne() {
        long message = message("SENDING"); // a status of the list is taken
        assertThatThrownBy(() -> message("SENT")).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("""
                insert into alerts_delivery (message_id, subscription_id, channel, address, status, attempts,
                    next_attempt_at)
                values (?, -1, 'EMAIL', 'etats@example.org', 'PENDING', 0, current_timestamp)""", message);
        assertThatThrownBy(() -> jdbc.update("update alerts_delivery set status = 'DELIVERED' where message_id = ?",
                message)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select status from alerts_delivery where message_id = ?", String.class,
                message)).isEqualTo("PENDING");
    }

    private long message(String status) {
        long list = newsletters.createList(new Newsletters.ListDraft("États", "States", null, null, true, null, null,
                false));
        long issue = newsletters.createIssue(list, null);
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    insert into alerts_message (alert_id, issue_id, kind, title, body, status, created_at)
                    values (null, ?, 'ISSUE', 'Essai', '', ?, current_timestamp)""", new String[] {"id"});
            ps.setLong(1, issue);
            ps.setString(2, status);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
