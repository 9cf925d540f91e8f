package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * As many transactions as the pool has connections (less those the application holds meanwhile), each announcing a
 * public change, commit at once while each holds its connection: what every listener does after the commit needs no
 * second connection, so they all commit, and the transactions waiting for a connection behind them get one. (With a {@code @TransactionalEventListener} on the
 * change, which Spring Modulith marks in a transaction of its own after the commit, every committing transaction waited
 * for a second connection until the pool's timeout, and those behind them failed.)
 */
@BeffroiTest
class CommitsAtOnceTest {

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Test
    void asManyPublicChangesAsThePoolHasConnectionsCommitAtOnceAndThoseBehindThemGetAConnection() throws Exception {
        var allHoldTheirConnection = new CountDownLatch(poolSize);
        String ids = "at-once-" + UUID.randomUUID();
        var committed = AtOnce.run(IntStream.range(0, poolSize + 2).<Callable<Boolean>>mapToObj(i -> () -> {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("select 1").query(Integer.class).single(); // the transaction now holds its connection
                publisher.publishEvent(PublicContentChanged.withdrawn("test", ids + "-" + i));
                allHoldTheirConnection.countDown();
                try {
                    // until every connection is taken; the application's own work may hold a few meanwhile
                    allHoldTheirConnection.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return true;
        }).toList());

        assertThat(committed).hasSize(poolSize + 2).containsOnly(true);
    }
}
