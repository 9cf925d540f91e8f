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

    /** A category's service in one neighbourhood, in place of the category's own. */
    public record AreaService(long neighbourhoodId, long serviceId) {
    }

    /** The neighbourhoods where the category's reports go to another service than the category's. */
    public List<AreaService> areaServices(long categoryId) {
        return jdbc.sql("select neighbourhood_id, service_id from reports_category_area where category_id = ?"
                + " order by neighbourhood_id").param(categoryId).query(AreaService.class).list();
    }

    /** Where a report of the category placed in the neighbourhood (null: none known) goes; null: no service. */
    public Long serviceFor(Category category, Long neighbourhoodId) {
        if (neighbourhoodId == null) {
            return category.serviceId();
        }
        return jdbc.sql("select service_id from reports_category_area where category_id = ? and neighbourhood_id = ?")
                .params(category.id(), neighbourhoodId).query(Long.class).optional().orElse(category.serviceId());
    }

    /**
     * Sends the category's reports of the neighbourhood to the service: one row per pair, held by the unique key
     * {@code reports_category_area_once}; a second setting of the pair replaces the first.
     */
    @Transactional
    public void mapArea(long categoryId, long neighbourhoodId, long serviceId) {
        int changed = jdbc.sql("update reports_category_area set service_id = ? where category_id = ?"
                + " and neighbourhood_id = ?").params(serviceId, categoryId, neighbourhoodId).update();
        if (changed == 0) {
            jdbc.sql("insert into reports_category_area (category_id, neighbourhood_id, service_id) values (?, ?, ?)")
                    .params(categoryId, neighbourhoodId, serviceId).update();
        }
        audit.record("reports.category-area-set", "category:" + categoryId,
                "neighbourhood:" + neighbourhoodId + " service:" + serviceId);
    }

    /** Sends the category's reports of the neighbourhood back to the category's service; false: there was no mapping. */
    @Transactional
    public boolean unmapArea(long categoryId, long neighbourhoodId) {
        int removed = jdbc.sql("delete from reports_category_area where category_id = ? and neighbourhood_id = ?")
                .params(categoryId, neighbourhoodId).update();
        if (removed == 0) {
            return false;
        }
        audit.record("reports.category-area-removed", "category:" + categoryId, "neighbourhood:" + neighbourhoodId);
        return true;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
