package org.beffroi.alerts.internal;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The topics, as the administrator keeps them. */
@Repository
@RequiredArgsConstructor
public class Topics {

    private final JdbcClient jdbc;

    public List<Topic> all() {
        return jdbc.sql("select * from alerts_topic order by position, id").query(Topic.class).list();
    }

    public List<Topic> active() {
        return all().stream().filter(Topic::active).toList();
    }

    public Optional<Topic> find(long id) {
        return jdbc.sql("select * from alerts_topic where id = ?").param(id).query(Topic.class).optional();
    }

    public long insert(String nameFr, String nameEn, int position) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into alerts_topic (code, name_fr, name_en, position, active) values (?, ?, ?, ?, true)")
                .params("t-" + org.beffroi.platform.SecureTokens.newToken().substring(0, 12), nameFr, nameEn, position)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String nameFr, String nameEn, int position, boolean active) {
        jdbc.sql("update alerts_topic set name_fr = ?, name_en = ?, position = ?, active = ? where id = ?")
                .params(nameFr, nameEn, position, active, id).update();
    }
}
