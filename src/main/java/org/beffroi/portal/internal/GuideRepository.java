package org.beffroi.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.RenderedPages;
import org.beffroi.portal.Guide;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Guides and their links, and the home page's quick links and block layout. */
@Repository
public class GuideRepository {

    private final JdbcClient jdbc;
    /** The home page reads the published guides at every visit (ADR 0014). */
    private final PublicCache<Boolean, List<Guide>> publishedGuides;

    GuideRepository(JdbcClient jdbc, RenderedPages pages) {
        this.jdbc = jdbc;
        this.publishedGuides = new PublicCache<>(PublicArticles.TIME_TO_LIVE, 1, pages);
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        publishedGuides.clear();
    }

    public List<Guide> all() {
        return jdbc.sql("select * from portal_guide order by position, title").query(GuideRepository::row).list()
                .stream().map(this::withLinks).toList();
    }

    public List<Guide> allPublished() {
        return publishedGuides.get(Boolean.TRUE, () -> jdbc.sql(
                "select * from portal_guide where published = true order by position, title")
                .query(GuideRepository::row).list().stream().map(this::withLinks).toList());
    }

    public Optional<Guide> find(long id) {
        return jdbc.sql("select * from portal_guide where id = ?").param(id).query(GuideRepository::row).optional()
                .map(this::withLinks);
    }

    public Optional<Guide> findPublished(String slug) {
        return jdbc.sql("select * from portal_guide where slug = ? and published = true").param(slug)
                .query(GuideRepository::row).optional().map(this::withLinks);
    }

    public boolean existsSlug(String slug) {
        return jdbc.sql("select count(*) from portal_guide where slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public long insert(String title, String slug, String intro, int position, boolean published) {
        publishedGuides.clearAfterCommit();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_guide (title, slug, intro, position, published) values (?, ?, ?, ?, ?)")
                .params(title, slug, intro, position, published).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String title, String intro, int position, boolean published) {
        publishedGuides.clearAfterCommit();
        jdbc.sql("update portal_guide set title = ?, intro = ?, position = ?, published = ? where id = ?")
                .params(title, intro, position, published, id).update();
    }

    public void delete(long id) {
        publishedGuides.clearAfterCommit();
        jdbc.sql("delete from portal_guide where id = ?").param(id).update();
    }

    public void addLink(long guideId, String label, String url, String note) {
        publishedGuides.clearAfterCommit();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from portal_guide_link where guide_id = ?")
                .param(guideId).query(Integer.class).single();
        jdbc.sql("insert into portal_guide_link (guide_id, label, url, note, position) values (?, ?, ?, ?, ?)")
                .params(guideId, label, url, note, position).update();
    }

    public boolean removeLink(long guideId, long linkId) {
        publishedGuides.clearAfterCommit();
        return jdbc.sql("delete from portal_guide_link where id = ? and guide_id = ?").params(linkId, guideId)
                .update() == 1;
    }

    private List<Guide.Link> links(long guideId) {
        return jdbc.sql("select * from portal_guide_link where guide_id = ? order by position, id").param(guideId)
                .query((rs, n) -> new Guide.Link(rs.getLong("id"), rs.getString("label"), rs.getString("url"),
                        rs.getString("note"), rs.getInt("position")))
                .list();
    }

    /** Links are read after the guides' query is over: never a query inside a row mapper. */
    private Guide withLinks(Guide g) {
        return new Guide(g.id(), g.title(), g.slug(), g.intro(), g.position(), g.published(), links(g.id()));
    }

    private static Guide row(ResultSet rs, int n) throws SQLException {
        return new Guide(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("intro"),
                rs.getInt("position"), rs.getBoolean("published"), List.of());
    }
}
