package org.beffroi.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.RemoteAddresses;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The waiting list through HTTP and the mail: joining it (the address checked by a mailed link), a cancelled slot
 * offered to the first person waiting and accepted, an offer let expire going to the next person.
 */
@BeffroiTest
class WaitingListWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Counters counters;

    @Autowired
    Slots slots;

    @Autowired
    BookingDesk desk;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate day = LocalDate.now(CommuneTime.ZONE).plusDays(8);

    @Test
    void aCancelledSlotIsOfferedToTheFirstPersonWaitingWhoTakesIt() throws Exception {
        var type = typeWithOneSlot();
        Instant start = at(10, 0);
        String booker = address("premier");
        String cancel = bookAndConfirm(type, start, booker);
        assertThat(slots.free(type, day, day)).isEmpty();

        String first = address("attente-1");
        String second = address("attente-2");
        join(type, first);
        join(type, second);
        assertThat(waitingStatus(first)).isEqualTo("WAITING");

        mvc.perform(post("/rendez-vous/annulation").with(csrf()).with(RemoteAddresses.another()).param("jeton", cancel)).andExpect(status().isOk());
        // the slot is held for the first person waiting, not free to anyone
        assertThat(slots.free(type, day, day)).isEmpty();
        assertThat(waitingStatus(first)).isEqualTo("OFFERED");
        assertThat(waitingStatus(second)).isEqualTo("WAITING");
        String offer = Mailbox.awaitLink(first, "/rendez-vous/confirmation");
        // the link to join and the word that they are on the list: no offer
        assertThat(Mailbox.messagesTo(second)).noneSatisfy(m -> assertThat(m.getSubject()).startsWith("Un créneau"));
        assertThat(Mailbox.messagesTo(first)).anySatisfy(m -> assertThat(m.getSubject()).startsWith("Un créneau"));

        mvc.perform(get("/rendez-vous/confirmation").param("jeton", token(offer))).andExpect(status().isOk());
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(offer)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("est confirmé")));
        assertThat(bookingStatus(first)).isEqualTo("CONFIRMED");
        assertThat(waitingStatus(first)).isEqualTo("SERVED");
        assertThat(waitingStatus(second)).isEqualTo("WAITING");
        assertThat(jdbc.sql("select starts_at from appointments_booking where email = ?").param(first)
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(start);
    }

    @Test
    void anOfferNotTakenInTimeGoesToTheNextPerson() throws Exception {
        var type = typeWithOneSlot();
        String cancel = bookAndConfirm(type, at(10, 0), address("premier"));
        String first = address("attente-1");
        String second = address("attente-2");
        join(type, first);
        join(type, second);
        mvc.perform(post("/rendez-vous/annulation").with(csrf()).with(RemoteAddresses.another()).param("jeton", cancel)).andExpect(status().isOk());
        String missed = Mailbox.awaitLink(first, "/rendez-vous/confirmation");

        Instant expires = jdbc.sql("select expires_at from appointments_booking where email = ?").param(first)
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), expires)).isBetween(BookingDesk.OFFER_DELAY.minusMinutes(5),
                BookingDesk.OFFER_DELAY);
        desk.expireDue();
        assertThat(waitingStatus(first)).isEqualTo("OFFERED"); // not yet

        // the offer's time passes (its end moved back rather than the clock moved on: the mail's delivery is
        // scheduled by the clock, and would wait for the real time to catch up)
        jdbc.sql("update appointments_booking set expires_at = ? where email = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), first).update();
        desk.expireDue();

        assertThat(waitingStatus(first)).isEqualTo("MISSED");
        assertThat(bookingStatus(first)).isEqualTo("EXPIRED");
        assertThat(waitingStatus(second)).isEqualTo("OFFERED");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(missed)))
                .andExpect(status().isBadRequest());
        String offer = Mailbox.awaitLink(second, "/rendez-vous/confirmation");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(offer)))
                .andExpect(status().isOk());
        assertThat(bookingStatus(second)).isEqualTo("CONFIRMED");
        assertThat(slots.free(type, day, day)).isEmpty();
    }

    @Test
    void joiningTakesAVerifiedAddressOnceAndMistakesComeBackNextToTheirFields() throws Exception {
        var type = typeWithOneSlot();
        mvc.perform(get("/rendez-vous/" + type.slug())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/rendez-vous/" + type.slug() + "/liste-attente")));
        mvc.perform(get("/rendez-vous/" + type.slug() + "/liste-attente")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Personne n’attend")));
        mvc.perform(get("/rendez-vous/nexiste-pas/liste-attente")).andExpect(status().isNotFound());
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another()).param("name", "")
                .param("email", "pas-une-adresse").param("phone", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"name-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"pas-une-adresse\"")));

        String email = address("attente");
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another()).param("name", "Camille Martin")
                .param("email", email)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "appointments.waiting.to_verify"));
        String link = Mailbox.awaitLink(email, "/rendez-vous/liste-attente/confirmation");
        // opening the link joins nothing: a mail scanner may follow it
        mvc.perform(get("/rendez-vous/liste-attente/confirmation").param("jeton", token(link)))
                .andExpect(status().isOk());
        assertThat(waitingStatus(email)).isEqualTo("UNVERIFIED");
        mvc.perform(post("/rendez-vous/liste-attente/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(link)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Vous êtes sur la liste")));
        assertThat(waitingStatus(email)).isEqualTo("WAITING");
        mvc.perform(post("/rendez-vous/liste-attente/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(link)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/liste-attente/confirmation").param("jeton", "faux"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/" + type.slug() + "/liste-attente")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Une personne attend déjà")));

        // a second time, the same address is told it is on the list already
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another()).param("name", "Camille Martin")
                .param("email", email.toUpperCase())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "appointments.waiting.already"));
        assertThat(jdbc.sql("select count(*) from appointments_waiting where email = ?").param(email).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void signedInTheListIsJoinedAtOnceUnderTheAccountsAddress() throws Exception {
        var type = typeWithOneSlot();
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        mvc.perform(get("/rendez-vous/" + type.slug() + "/liste-attente").cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"habitant@belvoir.example\"")));
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another())
                .cookie(resident).param("name", "Habitant").param("email", address("autre")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "appointments.waiting.joined"));
        assertThat(jdbc.sql("select status from appointments_waiting where type_id = ? and email = ?")
                .params(type.id(), "habitant@belvoir.example").query(String.class).single()).isEqualTo("WAITING");
        assertThat(jdbc.sql("select count(*) from appointments_waiting where type_id = ?").param(type.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void forATypeThatAsksItThePreApplicationNumberIsAskedAndGoesIntoTheSlotOffered() throws Exception {
        var type = typeWithOneSlot(true);
        String cancel = bookAndConfirm(type, at(10, 0), address("premier"));
        String waiting = address("attente");
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another())
                .param("name", "Camille Martin").param("email", waiting).param("preApplication", "123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"preApplication-error\"")));
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another())
                .param("name", "Camille Martin").param("email", waiting).param("preApplication", "ab12 cd34 ef"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/rendez-vous/liste-attente/confirmation").with(csrf())
                .param("jeton", token(Mailbox.awaitLink(waiting, "/rendez-vous/liste-attente/confirmation"))))
                .andExpect(status().isOk());

        mvc.perform(post("/rendez-vous/annulation").with(csrf()).param("jeton", cancel)).andExpect(status().isOk());

        assertThat(jdbc.sql("select pre_application from appointments_booking where email = ?").param(waiting)
                .query(String.class).single()).isEqualTo("AB12CD34EF");
    }

    @Test
    void whoLeavesTheListByTheMailedLinkIsOfferedNothing() throws Exception {
        var type = typeWithOneSlot();
        String cancel = bookAndConfirm(type, at(10, 0), address("premier"));
        String leaving = address("depart");
        String staying = address("reste");
        join(type, leaving);
        join(type, staying);
        String leave = token(Mailbox.awaitLink(leaving, "/rendez-vous/liste-attente/depart"));

        // opening the link changes nothing: a mail scanner may follow it
        mvc.perform(get("/rendez-vous/liste-attente/depart").param("jeton", leave)).andExpect(status().isOk());
        assertThat(waitingStatus(leaving)).isEqualTo("WAITING");
        mvc.perform(post("/rendez-vous/liste-attente/depart").with(csrf()).param("jeton", leave))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Vous avez quitté")));
        assertThat(waitingStatus(leaving)).isEqualTo("LEFT");
        mvc.perform(post("/rendez-vous/liste-attente/depart").with(csrf()).param("jeton", leave))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/rendez-vous/liste-attente/depart").param("jeton", "faux")).andExpect(status().isBadRequest());

        mvc.perform(post("/rendez-vous/annulation").with(csrf()).param("jeton", cancel)).andExpect(status().isOk());
        assertThat(waitingStatus(leaving)).isEqualTo("LEFT");
        assertThat(waitingStatus(staying)).isEqualTo("OFFERED");
        assertThat(jdbc.sql("select count(*) from appointments_booking where email = ?").param(leaving)
                .query(Long.class).single()).isZero();
    }

    private String bookAndConfirm(MeetingType type, Instant start, String email) throws Exception {
        mvc.perform(post("/rendez-vous/" + type.slug()).with(csrf()).with(RemoteAddresses.another()).param("slot", start.toString())
                .param("name", "Dominique Petit").param("email", email).param("preApplication", "ZZ99ZZ99ZZ"))
                .andExpect(status().is3xxRedirection());
        String confirm = Mailbox.awaitLink(email, "/rendez-vous/confirmation");
        mvc.perform(post("/rendez-vous/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(confirm)))
                .andExpect(status().isOk());
        return token(Mailbox.awaitLink(email, "/rendez-vous/annulation"));
    }

    private void join(MeetingType type, String email) throws Exception {
        mvc.perform(post("/rendez-vous/" + type.slug() + "/liste-attente").with(csrf()).with(RemoteAddresses.another()).param("name", "Camille Martin")
                .param("email", email)).andExpect(status().is3xxRedirection());
        String link = Mailbox.awaitLink(email, "/rendez-vous/liste-attente/confirmation");
        mvc.perform(post("/rendez-vous/liste-attente/confirmation").with(csrf()).with(RemoteAddresses.another()).param("jeton", token(link)))
                .andExpect(status().isOk());
    }

    /** A counter open 20 minutes one day next week: one 20-minute slot. */
    private MeetingType typeWithOneSlot() {
        return typeWithOneSlot(false);
    }

    private MeetingType typeWithOneSlot(boolean asksPreApplication) {
        String slug = "wl-" + UUID.randomUUID();
        long counter = counters.createCounter(slug, "Guichet d’essai", "Mairie");
        counters.addOpening(counter, day.getDayOfWeek(), LocalTime.of(10, 0), LocalTime.of(10, 20));
        return counters.type(counters.createType(counter, slug, "Carte d’identité d’essai", 20, 2, 60, 1,
                asksPreApplication)).orElseThrow();
    }

    private String waitingStatus(String email) {
        return jdbc.sql("select status from appointments_waiting where email = ?").param(email).query(String.class)
                .single();
    }

    private String bookingStatus(String email) {
        return jdbc.sql("select status from appointments_booking where email = ?").param(email).query(String.class)
                .single();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@exemple.fr";
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(CommuneTime.ZONE).toInstant();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("jeton=") + 6);
    }
}
