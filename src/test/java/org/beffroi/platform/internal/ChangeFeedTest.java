package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.beffroi.search.SearchResults;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What another node records in the change feed reaches this node's search index and memory when this node reads the
 * feed, and not before (the test context does not read it by itself); a change whose transaction commits after a later
 * one is not lost, and nothing is applied twice (ADR 0033).
 */
@BeffroiTest
class ChangeFeedTest {

    private static final String ANOTHER_NODE = "another-node";

    @Autowired
    JdbcChangeFeed feed;

    @Autowired
    SearchIndex index;

    @Autowired
    Neighbourhoods neighbourhoods;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anotherNodesChangeOfContentReachesTheIndexWhenTheFeedIsRead() {
        feed.poll();
        String word = word();
        record(ANOTHER_NODE, "news", word, "Kermesse " + word);
        assertThat(titles(word)).as("before the feed is read").isEmpty();

        assertThat(feed.poll()).isEqualTo(1);
        assertThat(titles(word)).containsExactly("Kermesse <mark>" + word + "</mark>");

        jdbc.sql("insert into platform_change (node, content_type, content_id) values (?, 'news', ?)")
                .params(ANOTHER_NODE, word).update();
        assertThat(feed.poll()).isEqualTo(1);
        assertThat(titles(word)).as("withdrawn").isEmpty();
    }

    @Test
    void whatThisNodeRecordedItselfIsNotAppliedAgain() {
        feed.poll();
        String word = word();
        record(feedNode(), "news", word, "Braderie " + word);

        assertThat(feed.poll()).isZero();
        assertThat(titles(word)).as("this node indexes its own changes once they are committed, not from the feed")
                .isEmpty();
    }

    @Test
    void anotherNodesChangeOfWhatIsKeptInMemoryClearsItWhenTheFeedIsRead() {
        feed.poll();
        Neighbourhood first = neighbourhoods.all().getFirst();
        String renamed = "Quartier " + word();
        try {
            jdbc.sql("update portal_neighbourhood set name = ? where id = ?").params(renamed, first.id()).update();
            jdbc.sql("insert into platform_change (node) values (?)").param(ANOTHER_NODE).update();
            assertThat(neighbourhoods.all()).as("kept in memory until the feed is read").contains(first);

            assertThat(feed.poll()).isEqualTo(1);
            assertThat(neighbourhoods.all()).extracting(Neighbourhood::name).contains(renamed);
        } finally {
            jdbc.sql("update portal_neighbourhood set name = ? where id = ?").params(first.name(), first.id()).update();
            jdbc.sql("insert into platform_change (node) values (?)").param(ANOTHER_NODE).update();
            feed.poll();
        }
    }

    @Test
    void aChangeCommittedAfterALaterOneIsAppliedAndNothingTwice() throws Exception {
        String early = word();
        String late = word();
        try (Connection slow = dataSource.getConnection(); Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long earlyId = insert(slow, early); // takes its id first, commits last
            // followed from just before it: ids that other tests' rolled-back transactions left unused stay behind
            feed.followFrom(earlyId - 1);
            insert(quick, late);

            assertThat(feed.poll()).isEqualTo(1);
            assertThat(titles(late)).hasSize(1);
            long beforeTheGap = feed.position();
            slow.commit();

            assertThat(feed.poll()).isEqualTo(1);
            assertThat(titles(early)).hasSize(1);
            assertThat(feed.position()).isGreaterThan(beforeTheGap);
            assertThat(feed.poll()).as("nothing applied twice").isZero();
        }
    }

    @Test
    void theIndexAgeIsHowLongTheOldestChangeOfAnotherNodeHasWaitedHere() {
        feed.poll();
        assertThat(feed.secondsBehind()).isZero();
        jdbc.sql("""
                insert into platform_change (node, recorded_at) values (?, current_timestamp - interval '90' second)""")
                .param(ANOTHER_NODE).update();
        assertThat(feed.secondsBehind()).isBetween(90.0, 600.0);

        feed.poll();
        assertThat(feed.secondsBehind()).isZero();
    }

    @Test
    void aNodeAwayLongerThanTheFeedKeepsChangesKnowsItMissedSome() {
        jdbc.sql("insert into platform_change (node) values (?)").param(ANOTHER_NODE).update();
        long newest = jdbc.sql("select max(id) from platform_change").query(Long.class).single();
        long oldest = jdbc.sql("select min(id) from platform_change").query(Long.class).single();

        assertThat(feed.keepsEverythingAfter(newest)).isTrue();
        assertThat(feed.keepsEverythingAfter(oldest - 1)).isTrue();
        assertThat(feed.keepsEverythingAfter(oldest - 2)).as("pruned").isFalse();
        assertThat(feed.keepsEverythingAfter(newest + 1)).as("a position from another database").isFalse();
    }

    /** Answers the row's id. */
    private long insert(Connection connection, String word) throws Exception {
        try (var statement = connection.prepareStatement(
                "insert into platform_change (node, content_type, content_id, title, body, url) values (?, 'news', ?, ?, ?, ?)",
                new String[] {"id"})) {
            statement.setString(1, ANOTHER_NODE);
            statement.setString(2, word);
            statement.setString(3, "Fête " + word);
            statement.setString(4, "Sur la place.");
            statement.setString(5, "/actualites/" + word);
            statement.executeUpdate();
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void record(String node, String type, String id, String title) {
        jdbc.sql("insert into platform_change (node, content_type, content_id, title, body, url) values (?, ?, ?, ?, ?, ?)")
                .params(node, type, id, title, "Sur la place du marché.", "/actualites/" + id).update();
    }

    /** The node id this feed records its own changes under. */
    private String feedNode() {
        feed.recordMemoryChange();
        return jdbc.sql("select node from platform_change order by id desc limit 1").query(String.class).single();
    }

    private List<String> titles(String word) {
        SearchResults results = index.search(new SearchQuery(word, null, null, null, 0, 10));
        return results.hits().stream().map(SearchResults.Hit::titleHtml).toList();
    }

    private static String word() {
        var letters = new StringBuilder();
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }
}
