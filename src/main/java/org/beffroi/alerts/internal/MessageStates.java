package org.beffroi.alerts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moves a message from one status to the next, only along the moves {@link MessageStatus#next()} allows. */
@Component
@RequiredArgsConstructor
class MessageStates {

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageStatus of(long messageId) {
        return MessageStatus.valueOf(jdbc.sql("select status from alerts_message where id = ?").param(messageId)
                .query(String.class).single());
    }

    /**
     * Moves the message if it is still {@code from}; answers whether it moved (false: another run or an agent
     * moved it first). A move the list does not allow is a programming error.
     */
    boolean move(long messageId, MessageStatus from, MessageStatus to) {
        if (!from.next().contains(to)) {
            throw new IllegalStateException("a message does not go from " + from + " to " + to);
        }
        var sql = to == MessageStatus.DONE
                ? "update alerts_message set status = :to, finished_at = :now where id = :id and status = :from"
                : "update alerts_message set status = :to where id = :id and status = :from";
        var statement = jdbc.sql(sql).param("to", to.name()).param("id", messageId).param("from", from.name());
        if (to == MessageStatus.DONE) {
            statement = statement.param("now", OffsetDateTime.now(clock));
        }
        return statement.update() == 1;
    }
}
