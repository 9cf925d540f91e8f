package org.beffroi.reports.internal;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The categories of reports, as the administrator sets them; each change is audited. */
@Component
@RequiredArgsConstructor
public class Categories {

    private static final String COLUMNS = "id, name, description, target_days, active, service_id, sort_order";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    /** What the administrator types for a category. */
    public record Draft(String name, String description, int targetDays, boolean active, Long serviceId) {
    }

    public List<Category> all() {
        return jdbc.sql("select " + COLUMNS + " from reports_category order by sort_order, name").query(Category.class)
                .list();
    }

    /** The categories a resident may choose. */
    public List<Category> active() {
        return all().stream().filter(Category::active).toList();
    }

    public Optional<Category> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reports_category where id = ?").param(id).query(Category.class)
                .optional();
    }

    public boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from reports_category where lower(name) = lower(?) and id <> ?")
                .params(name.strip(), exceptId == null ? -1 : exceptId).query(Long.class).single() > 0;
    }

    @Transactional
    public long create(Draft draft) {
        int order = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from reports_category").query(Integer.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into reports_category (name, description, target_days, active, service_id, sort_order)"
                + " values (?, ?, ?, ?, ?, ?)")
                .params(draft.name().strip(), blankToNull(draft.description()), draft.targetDays(), draft.active(),
                        draft.serviceId(), order)
                .update(keys, "id");
        long created = keys.getKeyAs(Number.class).longValue();
        audit.record("reports.category-created", "category:" + created, draft.name().strip());
        return created;
    }

    @Transactional
    public void update(long id, Draft draft) {
        jdbc.sql("update reports_category set name = ?, description = ?, target_days = ?, active = ?, service_id = ?"
                + " where id = ?")
                .params(draft.name().strip(), blankToNull(draft.description()), draft.targetDays(), draft.active(),
                        draft.serviceId(), id)
                .update();
        audit.record("reports.category-changed", "category:" + id, draft.name().strip());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
