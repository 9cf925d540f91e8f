package org.beffroi.portal.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.Text;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.NeighbourhoodChanged;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The neighbourhoods; their list, on every home and search page, is kept in memory until one changes (ADR 0014). */
@Repository
public class NeighbourhoodRepository implements Neighbourhoods {

    private final JdbcClient jdbc;
    private final PublicCache<Boolean, List<Neighbourhood>> list;
    private final NeighbourhoodOutlines outlines = new NeighbourhoodOutlines();

    NeighbourhoodRepository(JdbcClient jdbc, RenderedPages pages) {
        this.jdbc = jdbc;
        this.list = new PublicCache<>(PublicArticles.TIME_TO_LIVE, 1, pages);
    }

    @Override
    public List<Neighbourhood> all() {
        return list.get(Boolean.TRUE, Instant.MIN, () -> PublicCache.Loaded.untilChanged(
                jdbc.sql("select * from portal_neighbourhood order by name").query(NeighbourhoodRepository::row).list()));
    }

    /** Once the change is committed (and at once on this thread, for what follows in the same request). */
    @EventListener
    void on(NeighbourhoodChanged change) {
        AfterCommit.run(list::clear);
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        list.clear();
    }

    @Override
    public Optional<Neighbourhood> find(long id) {
        return jdbc.sql("select * from portal_neighbourhood where id = ?").param(id).query(NeighbourhoodRepository::row)
                .optional();
    }

    @Override
    public Optional<Long> containing(double latitude, double longitude) {
        return all().stream().filter(n -> outlines.covers(n.outlineGeoJson(), latitude, longitude))
                .map(Neighbourhood::id).findFirst();
    }

    public Optional<Neighbourhood> findBySlug(String slug) {
        return jdbc.sql("select * from portal_neighbourhood where slug = ?").param(slug)
                .query(NeighbourhoodRepository::row).optional();
    }

    /** Whether a neighbourhood other than this one (0: any) has the address this name would make. */
    public boolean existsNamed(String name, long otherThan) {
        return name != null && !name.isBlank()
                && findBySlug(slug(name)).filter(other -> other.id() != otherThan).isPresent();
    }

    public long insert(String name, String description, String outline) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_neighbourhood (name, slug, description, outline_geojson) values (?, ?, ?, ?)")
                .params(name, slug(name), description, outline).update(keys, "id");
        list.clear();
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, String description, String outline) {
        jdbc.sql("update portal_neighbourhood set name = ?, slug = ?, description = ?, outline_geojson = ? where id = ?")
                .params(name, slug(name), description, outline, id).update();
        list.clear();
    }

    public void delete(long id) {
        jdbc.sql("delete from portal_neighbourhood where id = ?").param(id).update();
        list.clear();
    }

    /** The album whose photos illustrate the neighbourhood's portrait, if one is chosen. */
    public Optional<Long> findAlbumOf(long id) {
        return jdbc.sql("select album_id from portal_neighbourhood where id = ? and album_id is not null").param(id)
                .query(Long.class).optional();
    }

    public void setAlbum(long id, Long albumId) {
        jdbc.sql("update portal_neighbourhood set album_id = ? where id = ?").params(albumId, id).update();
    }

    public static String slug(String name) {
        return Text.slug(name, "quartier");
    }

    private static Neighbourhood row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Neighbourhood(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getString("outline_geojson"));
    }
}
