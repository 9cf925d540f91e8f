package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counter;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.MeetingType.Audience;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.payments.PaymentProvider.Outcome;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import jakarta.servlet.http.Cookie;

/**
 * Bookable resources through HTTP: the page listing rooms, desks and equipment with their capacity, place, audience
 * and price; who may book (a refused person told why, with a sign-in link when signing in would help, never a 500);
 * a priced booking paid through the payments' test provider and confirmed, or left unpaid and expired; a paid booking
 * cancelled from « Mes rendez-vous » with the word that the town hall refunds it.
 */
@BeffroiTest
class ResourcesWebTest {

    private static final String PASSWORD = "la salle ouvre à huit heures et demie";

    @Autowired
    MockMvc mvc;
    @Autowired
    Counters counters;
    @Autowired
    Slots slots;
    @Autowired
    BookingDesk desk;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Payments payments;
    @Autowired
    TestPaymentProvider provider;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(9);
    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void theListingShowsEachResourceWithItsCapacityPlaceAudienceAndPrice() throws Exception {
        long desks = agenda("Coworking " + marker, Counter.Kind.DESKS, 8);
        var halfDay = type(desks, "Poste " + marker, 240, Audience.RESIDENTS, 0);
        long room = agenda("Salle " + marker, Counter.Kind.ROOM, 1);
        type(room, "Salle à la demi-journée " + marker, 240, Audience.ANYONE, 4_550);

        var listing = page(get("/reserver"), 200);
        String text = listing.select("main").text();
        assertThat(text).contains("Coworking " + marker, "Jusqu’à 8 réservations en même temps",
                "Poste " + marker, "4 heures", "Réservé aux habitants connectés à leur compte.", "Gratuit",
                "Salle " + marker, "Une réservation à la fois", "Ouvert à tous.", "45,50");
        assertThat(listing.select("main h2").eachText()).contains("Salles", "Espaces de coworking");
        assertThat(listing.select("main a[href=/rendez-vous/" + halfDay.slug() + "]")).hasSize(1);
        // the counters' page lists counters only, and links here
        var counters = page(get("/rendez-vous"), 200);
        assertThat(counters.select("main").text()).doesNotContain("Coworking " + marker);
        assertThat(counters.select("main a[href=/reserver]")).hasSize(1);
        // the type's page: half-days, the capacity, who may book, and signed out the way to sign in
        var typePage = page(get("/rendez-vous/" + halfDay.slug()).param("du", day.toString()), 200);
        assertThat(typePage.select("main").text()).contains("Jusqu’à 8 réservations en même temps.",
                "Réservé aux habitants connectés à leur compte.");
        assertThat(typePage.select("main a[href=/connexion]")).hasSize(1);
        assertThat(typePage.select("main input[name=slot]").eachAttr("value")).hasSize(1);
    }

    @Test
    void whoMayBookIsCheckedAndARefusedPersonIsToldWhy() throws Exception {
        long hall = agenda("Salle " + marker, Counter.Kind.ROOM, 1);
        var residents = type(hall, "Habitants " + marker, 60, Audience.RESIDENTS, 0);
        var associations = type(hall, "Associations " + marker, 60, Audience.ASSOCIATIONS, 0);

        // signed out: refused, told to sign in, with the link
        var signedOut = page(book(residents, at(8, 30), null, "anonyme@exemple.fr"), 400);
        assertThat(signedOut.select(".error-summary").text()).contains("connecté à votre compte");
        assertThat(signedOut.select("main a[href=/connexion]")).hasSize(1);
        assertThat(signedOut.select("input[name=name]").val()).isEqualTo("Camille Martin");

        // nor may they wait for it
        var waiting = page(mvc.perform(post("/rendez-vous/" + residents.slug() + "/liste-attente").with(csrf())
                .with(RemoteAddresses.another()).param("name", "Camille Martin").param("email", "anonyme@exemple.fr")),
                400);
        assertThat(waiting.select(".error-summary").text()).contains("connecté à votre compte");

        // a resident books the residents' type, not the associations'
        long resident = account("habitant", Role.RESIDENT);
        Cookie residentSession = SignIn.as(mvc, email(resident), PASSWORD);
        book(residents, at(8, 30), residentSession, email(resident)).andExpect(status().is3xxRedirection());
        assertThat(statuses(residents)).containsExactly("CONFIRMED");
        var refused = page(book(associations, at(9, 30), residentSession, email(resident)), 400);
        assertThat(refused.select(".error-summary").text()).contains("réservée aux associations");
        assertThat(statuses(associations)).isEmpty();

        // an association's manager books it
        long manager = account("association", Role.ORGANISATION_MANAGER);
        Cookie managerSession = SignIn.as(mvc, email(manager), PASSWORD);
        book(associations, at(9, 30), managerSession, email(manager)).andExpect(status().is3xxRedirection());
        assertThat(statuses(associations)).containsExactly("CONFIRMED");
    }

    @Test
    void aPricedBookingIsPaidThenConfirmedAndCancelledWithTheWordOnTheRefund() throws Exception {
        long hall = agenda("Salle " + marker, Counter.Kind.ROOM, 1);
        var priced = type(hall, "Salle payante " + marker, 240, Audience.RESIDENTS, 9_000);
        long resident = account("payeur", Role.RESIDENT);
        Cookie session = SignIn.as(mvc, email(resident), PASSWORD);

        var typePage = page(get("/rendez-vous/" + priced.slug()).param("du", day.toString()).cookie(session), 200);
        assertThat(typePage.select("main").text()).contains("Prix : 90,00", "se paie en ligne");
        // a priced type has no waiting list: its freed slots are not offered
        assertThat(typePage.select("main a[href$=/liste-attente]")).isEmpty();
        var waiting = page(mvc.perform(post("/rendez-vous/" + priced.slug() + "/liste-attente").with(csrf())
                .with(RemoteAddresses.another()).cookie(session).param("name", "Camille Martin")
                .param("email", email(resident))), 400);
        assertThat(waiting.select(".error-summary").text()).contains("pas de liste d’attente");
        String to = book(priced, at(8, 30), session, email(resident)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(to).startsWith(Payments.PAGE_PREFIX);
        // held while it waits for its payment: the slot is not free, the booking not confirmed yet
        assertThat(statuses(priced)).containsExactly("PENDING");
        assertThat(slots.free(priced, day, day)).noneMatch(s -> s.startsAt().equals(at(8, 30)));
        String reference = jdbc.sql("select payment_reference from appointments_booking where type_id = ?")
                .param(priced.id()).query(String.class).single();
        var payment = payments.find(reference).orElseThrow();
        assertThat(payment.amountCents()).isEqualTo(9_000);
        // what was paid for, as the payment's page, the receipt and the accountant's list show it
        assertThat(payment.label()).isEqualTo("Salle payante " + marker + ", "
                + CommuneTime.format(at(8, 30), CommuneTime.DAY_DATE_TIME, java.util.Locale.FRENCH));
        assertThat(to).isEqualTo(payments.pagePath(reference).orElseThrow());

        payments.record(TestPaymentProvider.ID, provider.result(reference, 9_000, Outcome.PAID));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> statuses(priced).equals(java.util.List.of("CONFIRMED")));
        assertThat(Mailbox.body(Mailbox.awaitMessage(email(resident), 1))).contains("Salle payante " + marker);

        var mine = page(get("/mes-rendez-vous").cookie(session), 200);
        assertThat(mine.select("main").text()).contains("Salle payante " + marker, "remboursement est fait par la mairie");
        long booking = jdbc.sql("select id from appointments_booking where type_id = ?").param(priced.id())
                .query(Long.class).single();
        mvc.perform(post("/mes-rendez-vous/" + booking + "/annulation").cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "appointments.mine.cancelled.paid"));
        assertThat(statuses(priced)).containsExactly("CANCELLED");
    }

    @Test
    void aPricedBookingLeftUnpaidExpiresAndFreesItsSlot() throws Exception {
        long hall = agenda("Salle " + marker, Counter.Kind.ROOM, 1);
        var priced = type(hall, "Salle payante " + marker, 240, Audience.RESIDENTS, 9_000);
        long resident = account("distrait", Role.RESIDENT);
        Cookie session = SignIn.as(mvc, email(resident), PASSWORD);
        book(priced, at(8, 30), session, email(resident)).andExpect(status().is3xxRedirection());
        assertThat(slots.free(priced, day, day)).noneMatch(s -> s.startsAt().equals(at(8, 30)));

        clock.advance(BookingDesk.PAYMENT_DELAY.plusMinutes(1));
        desk.expireDue();

        assertThat(statuses(priced)).containsExactly("EXPIRED");
        assertThat(slots.free(priced, day, day)).anyMatch(s -> s.startsAt().equals(at(8, 30)));

        // paid anyway, later, and the result delivered twice: the booking stays expired (the slot may be someone
        // else's by now), the resident is told once that the town hall refunds them, the audit log asks it once
        String reference = jdbc.sql("select payment_reference from appointments_booking where type_id = ?")
                .param(priced.id()).query(String.class).single();
        payments.record(TestPaymentProvider.ID, provider.result(reference, 9_000, Outcome.PAID));
        payments.record(TestPaymentProvider.ID, provider.result(reference, 9_000, Outcome.PAID));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lateNotices(email(resident)) > 0);
        // read in the outbox: the test's clock was moved on, so the outbox's delivery is not waited for here
        assertThat(jdbc.sql("select body from platform_mail where recipient = ? and subject like 'Paiement reçu après%'")
                .param(email(resident)).query(String.class).single()).contains("90,00", reference,
                "La mairie vous rembourse");
        assertThat(statuses(priced)).containsExactly("EXPIRED");
        assertThat(lateNotices(email(resident))).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'appointment.paid-too-late' "
                + "and details = ?").param(reference).query(Long.class).single()).isEqualTo(1);
    }

    private long lateNotices(String email) {
        return jdbc.sql("select count(*) from platform_mail where recipient = ? and subject like 'Paiement reçu après%'")
                .param(email).query(Long.class).single();
    }

    /** An agenda open 8 h 30 to 12 h 30 on the day. */
    private long agenda(String name, Counter.Kind kind, int capacity) {
        long id = counters.createCounter("r-" + UUID.randomUUID(), name, "Place de la Mairie", kind, capacity);
        counters.addOpening(id, day.getDayOfWeek(), LocalTime.of(8, 30), LocalTime.of(12, 30));
        return id;
    }

    private MeetingType type(long agenda, String name, int minutes, Audience audience, long priceCents) {
        return counters.type(counters.createType(agenda, "t-" + UUID.randomUUID(), name, minutes, 0, 30, 2, false,
                audience, priceCents)).orElseThrow();
    }

    private long account(String who, Role role) {
        return accounts.insert(who + "-" + UUID.randomUUID() + "@exemple.fr", "Camille " + who, encoder.encode(PASSWORD),
                AccountStatus.ACTIVE, EnumSet.of(role));
    }

    private String email(long account) {
        return jdbc.sql("select email from identity_account where id = ?").param(account).query(String.class).single();
    }

    private ResultActions book(MeetingType type, Instant start, Cookie session, String email) throws Exception {
        var request = post("/rendez-vous/" + type.slug()).with(csrf()).with(RemoteAddresses.another())
                .param("slot", start.toString())
                .param("name", "Camille Martin").param("email", email);
        return mvc.perform(session == null ? request : request.cookie(session));
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return page(mvc.perform(request), status);
    }

    private static Document page(ResultActions result, int status) throws Exception {
        return Jsoup.parse(result.andExpect(status().is(status)).andReturn().getResponse().getContentAsString());
    }

    private java.util.List<String> statuses(MeetingType type) {
        return jdbc.sql("select status from appointments_booking where type_id = ? order by id").param(type.id())
                .query(String.class).list();
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }
}
