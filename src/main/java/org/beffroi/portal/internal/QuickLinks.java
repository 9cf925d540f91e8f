package org.beffroi.portal.internal;

import java.util.List;

import org.beffroi.platform.ChangeFeed;
import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.RenderedPages;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The home page's quick links ("Pay the canteen", "Book a room"...), in the administrator's order. */
@Repository
public class QuickLinks {

    private final JdbcClient jdbc;
    private final ChangeFeed feed;
    /** The home page reads them at every visit (ADR 0014). */
    private final PublicCache<Boolean, List<QuickLink>> kept;

    QuickLinks(JdbcClient jdbc, RenderedPages pages, ChangeFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.kept = new PublicCache<>(PublicArticles.TIME_TO_LIVE, 1, pages);
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        kept.clear();
    }

    public record QuickLink(long id, String label, String url, int position) {
    }

    public List<QuickLink> all() {
        return kept.get(Boolean.TRUE, () -> jdbc.sql("select * from portal_quick_link order by position, id")
                .query((rs, n) -> new QuickLink(rs.getLong("id"), rs.getString("label"), rs.getString("url"),
                        rs.getInt("position")))
                .list());
    }

    public long add(String label, String url) {
        kept.clearAfterCommit();
        feed.recordMemoryChange();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from portal_quick_link").query(Integer.class)
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_quick_link (label, url, position) values (?, ?, ?)").params(label, url, position)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean remove(long id) {
        kept.clearAfterCommit();
        feed.recordMemoryChange();
        return jdbc.sql("delete from portal_quick_link where id = ?").param(id).update() == 1;
    }
}
