package org.beffroi.family.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.internal.InvoiceLines.NewInvoice;
import org.beffroi.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services billed by the day, the children's attendance at them week by week, and a month's invoices made from
 * that attendance: one invoice per household and service and month, numbered {@code CODE-YYYY-MM-HOUSEHOLD}, so that
 * making a month's invoices again adds only those of households that had none (the number is unique).
 */
@Service
@RequiredArgsConstructor
public class Attendance {

    private final JdbcClient jdbc;
    private final Households households;
    private final Invoices invoices;
    private final AuditLog audit;

    /** A service billed by the day. */
    public record BilledService(long id, String code, String name, long priceCents) {
    }

    /** A child of the register, their household's reference, and the days of the week they attended. */
    public record Row(Child child, String householdReference, Set<LocalDate> days) {
    }

    /** What making a month's invoices did: invoices made, those already there, the total of the new ones. */
    public record Billing(int made, int alreadyThere, long totalCents) {
    }

    public List<BilledService> services() {
        return jdbc.sql("select * from family_service order by name").query((rs, n) -> new BilledService(rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getLong("price_cents"))).list();
    }

    public Optional<BilledService> service(long id) {
        return services().stream().filter(s -> s.id() == id).findFirst();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from family_service where code = ?").param(code).query(Long.class).single() > 0;
    }

    @Transactional
    public long createService(String code, String name, long priceCents) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into family_service (code, name, price_cents) values (?, ?, ?)").params(code, name, priceCents)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("family.service-created", "family-service:" + id, code + " " + name + " " + priceCents);
        return id;
    }

    /** The school days of the week that begins on {@code monday}. */
    public static List<LocalDate> schoolDays(LocalDate monday) {
        return List.of(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), monday.plusDays(4));
    }

    /** Every child, by name, with the days of that week they attended the service. */
    public List<Row> register(long serviceId, LocalDate monday) {
        var attended = new HashMap<Long, Set<LocalDate>>();
        jdbc.sql("select child_id, attended_on from family_attendance where service_id = ? and attended_on between ? and ?")
                .params(serviceId, monday, monday.plusDays(4))
                .query(rs -> {
                    attended.computeIfAbsent(rs.getLong("child_id"), k -> new HashSet<>())
                            .add(rs.getObject("attended_on", LocalDate.class));
                });
        var references = new HashMap<Long, String>();
        return jdbc.sql("""
                select c.*, h.reference from family_child c join family_household h on h.id = c.household_id
                where c.left_on is null
                order by lower(c.last_name), lower(c.first_name), c.id""")
                .query((rs, n) -> new Row(Households.child(rs, n), rs.getString("reference"),
                        attended.getOrDefault(rs.getLong("id"), Set.of())))
                .list();
    }

    /**
     * The register of a week as ticked: the service's attendance of those school days becomes exactly what is given
     * (days outside the week and children that do not exist are left out). Audited with the number of days.
     */
    @Transactional
    public int record(long serviceId, LocalDate monday, Map<Long, Set<LocalDate>> ticked) {
        var days = new HashSet<>(schoolDays(monday));
        // the children in the register: those who left are not, and their attendance recorded stays as it is
        var children = new HashSet<>(jdbc.sql("select id from family_child where left_on is null").query(Long.class).list());
        jdbc.sql("delete from family_attendance where service_id = ? and attended_on between ? and ? "
                + "and child_id in (select id from family_child where left_on is null)")
                .params(serviceId, monday, monday.plusDays(4)).update();
        var rows = new ArrayList<Object[]>();
        ticked.forEach((child, those) -> {
            if (children.contains(child)) {
                those.stream().filter(days::contains).forEach(day -> rows.add(new Object[] {child, serviceId, day}));
            }
        });
        for (var row : rows) {
            jdbc.sql("insert into family_attendance (child_id, service_id, attended_on) values (?, ?, ?)").params(row).update();
        }
        audit.record("family.attendance-recorded", "family-service:" + serviceId, monday + " " + rows.size());
        return rows.size();
    }

    /**
     * A month's invoices of a service: for each household whose children attended it that month, the days attended
     * times the price, due on {@code due}. A household that already has its invoice for that month keeps it. Each
     * invoice is written in its own transaction: two agents making the same month at once make each invoice once.
     */
    public Billing bill(BilledService service, YearMonth month, LocalDate due) {
        var daysByHousehold = new java.util.LinkedHashMap<Long, Long>();
        jdbc.sql("""
                select c.household_id, count(*) as n from family_attendance a join family_child c on c.id = a.child_id
                where a.service_id = ? and a.attended_on between ? and ? group by c.household_id order by c.household_id""")
                .params(service.id(), month.atDay(1), month.atEndOfMonth())
                .query(rs -> {
                    daysByHousehold.put(rs.getLong("household_id"), rs.getLong("n"));
                });
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + month.getYear();
        int made = 0;
        int there = 0;
        long total = 0;
        for (var entry : daysByHousehold.entrySet()) {
            var household = households.find(entry.getKey()).orElseThrow();
            String number = service.code() + "-" + month + "-" + household.reference();
            long cents = entry.getValue() * service.priceCents();
            var invoice = new NewInvoice(household.id(), number, service.name() + " — " + monthName + " ("
                    + entry.getValue() + (entry.getValue() > 1 ? " jours)" : " jour)"), month.toString(), cents, due);
            if (invoices.create(invoice).isPresent()) {
                made++;
                total += cents;
            } else {
                there++;
            }
        }
        audit.record("family.invoices-billed", "family-service:" + service.id(), month + " " + made);
        return new Billing(made, there, total);
    }
}
