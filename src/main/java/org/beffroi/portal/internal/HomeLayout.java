package org.beffroi.portal.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beffroi.platform.ChangeFeed;
import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.ServiceModules;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page as the administrator composed it from the blocks modules offer: which show, in which
 * order. A block the administrator never placed keeps its module's order.
 */
@Component
public class HomeLayout {

    private final JdbcClient jdbc;
    private final ServiceModules modules;
    private final ChangeFeed feed;
    /** The administrator's placements, read at every visit of the home page (ADR 0014). */
    private final PublicCache<Boolean, Map<String, Placement>> stored;
    /** The administrator's welcome text, read at every visit of the home page; empty when none was written. */
    private final PublicCache<Boolean, Optional<String>> welcome;

    HomeLayout(JdbcClient jdbc, ServiceModules modules, RenderedPages pages, ChangeFeed feed) {
        this.jdbc = jdbc;
        this.modules = modules;
        this.feed = feed;
        this.stored = new PublicCache<>(PublicArticles.TIME_TO_LIVE, 1, pages);
        this.welcome = new PublicCache<>(PublicArticles.TIME_TO_LIVE, 1, pages);
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        stored.clear();
        welcome.clear();
    }

    /** The welcome text the administrator wrote, if any. */
    public Optional<String> welcome() {
        return welcome.get(Boolean.TRUE, () -> jdbc.sql("select welcome from portal_home_welcome where id = 1")
                .query(String.class).optional());
    }

    /** Writes the welcome text; none (null) puts back the site's own sentence. */
    @Transactional
    public void saveWelcome(String text) {
        welcome.clearAfterCommit();
        feed.recordMemoryChange();
        jdbc.sql("delete from portal_home_welcome").update();
        if (text != null) {
            jdbc.sql("insert into portal_home_welcome (id, welcome) values (1, ?)").param(text).update();
        }
    }

    /** One block the home page can show, with where it stands. */
    public record Placement(String key, int position, boolean visible) {

        public String messageKey() {
            return "home.block." + key.replace('/', '.');
        }
    }

    /** The blocks to draw, in the administrator's order. */
    public List<HomeBlock> blocks() {
        var offered = modules.homeBlocks();
        var placements = placements(offered);
        return offered.stream().filter(b -> placements.get(b.template()).visible())
                .sorted(Comparator.comparingInt(b -> placements.get(b.template()).position())).toList();
    }

    /** Every block modules offer, placed: the stored choice, or the module's own order. */
    public List<Placement> placementsInOrder() {
        return placements(modules.homeBlocks()).values().stream().sorted(Comparator.comparingInt(Placement::position)).toList();
    }

    @Transactional
    public void save(List<Placement> placements) {
        stored.clearAfterCommit();
        feed.recordMemoryChange();
        jdbc.sql("delete from portal_home_block").update();
        for (var p : placements) {
            jdbc.sql("insert into portal_home_block (block_key, position, visible) values (?, ?, ?)")
                    .params(p.key(), p.position(), p.visible()).update();
        }
    }

    private Map<String, Placement> placements(List<HomeBlock> offered) {
        Map<String, Placement> stored = this.stored.get(Boolean.TRUE, () -> {
            Map<String, Placement> read = new HashMap<>();
            jdbc.sql("select * from portal_home_block").query((rs, n) -> new Placement(rs.getString("block_key"),
                    rs.getInt("position"), rs.getBoolean("visible"))).list().forEach(p -> read.put(p.key(), p));
            return read;
        });
        var result = new java.util.LinkedHashMap<String, Placement>();
        for (var block : offered) {
            result.put(block.template(), stored.getOrDefault(block.template(),
                    new Placement(block.template(), 1000 + block.order(), true)));
        }
        return result;
    }
}
