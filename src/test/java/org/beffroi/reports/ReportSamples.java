package org.beffroi.reports;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.beffroi.testing.Mailbox;
import org.beffroi.testing.RemoteAddresses;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** What the reports' tests file: the demo commune's points and categories, addresses of their own. */
public final class ReportSamples {

    /** Near the demo commune's centre, where its maps open. */
    public static final double LATITUDE = 46.105;
    public static final double LONGITUDE = 5.33;

    private ReportSamples() {
    }

    public static final String PASSWORD = "un trou dans la chaussée";

    /** A resident's account of its own, signed-in-able with {@link #PASSWORD}; answers its address. */
    public static String resident(AccountRepository accounts, PasswordEncoder encoder, String who) {
        String email = email(who);
        accounts.insert(email, "Camille " + who, encoder.encode(PASSWORD), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        return email;
    }

    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    public static long category(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from reports_category where name = ?").param(name).query(Long.class).single();
    }

    /**
     * A new category of its own (so that other tests' reports are never offered as duplicates), active, in 10 days.
     */
    public static long ownCategory(JdbcClient jdbc) {
        String name = "Essai " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into reports_category (name, description, target_days, active, service_id, sort_order)"
                + " values (?, 'Catégorie d’essai', 10, true, null, 99)").param(name).update();
        return category(jdbc, name);
    }

    /** A report at a point, signed out, from an address of its own. */
    public static MockMultipartHttpServletRequestBuilder filing(long category, double latitude, double longitude,
            String email) {
        return filing(Long.toString(category), Double.toString(latitude), Double.toString(longitude), email,
                "Un trou profond au milieu de la route.");
    }

    /** A report as typed, each value sent once (null: not sent), signed out, from an address of its own. */
    public static MockMultipartHttpServletRequestBuilder filing(String category, String latitude, String longitude,
            String email, String description) {
        var request = multipart("/signalements/nouveau");
        param(request, "categoryId", category);
        param(request, "latitude", latitude);
        param(request, "longitude", longitude);
        param(request, "email", email);
        param(request, "description", description);
        request.with(csrf()).with(RemoteAddresses.another());
        return request;
    }

    private static void param(MockMultipartHttpServletRequestBuilder request, String name, String value) {
        if (value != null) {
            request.param(name, value);
        }
    }

    /**
     * A report at the point filed signed out (different from any open one near it, so filed at once) and confirmed by
     * its mailed link; answers its id.
     */
    public static long confirmed(MockMvc mvc, JdbcClient jdbc, long category, double latitude, double longitude,
            String email) throws Exception {
        return confirmed(mvc, jdbc, filing(category, latitude, longitude, email), email);
    }

    /** The report of the filing request (from the address), filed at once and confirmed by its mailed link. */
    public static long confirmed(MockMvc mvc, JdbcClient jdbc, MockMultipartHttpServletRequestBuilder filing,
            String email) throws Exception {
        mvc.perform(filing.param("differentFromOthers", "true")).andExpect(status().is3xxRedirection());
        long id = lastReportOf(jdbc, email);
        mvc.perform(post("/signalements/confirmation").with(csrf())
                .param("jeton", Mailbox.awaitLink(email, "/signalements/confirmation").replaceAll(".*jeton=", "")))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    public static long lastReportOf(JdbcClient jdbc, String email) {
        return jdbc.sql("select max(id) from reports_report where email = ?").param(email).query(Long.class).single();
    }

    public static long reportsOf(JdbcClient jdbc, String email) {
        return jdbc.sql("select count(*) from reports_report where email = ?").param(email).query(Long.class).single();
    }
}
