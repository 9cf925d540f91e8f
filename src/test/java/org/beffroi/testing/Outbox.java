package org.beffroi.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/** Reads the mail outbox as an administrator does, through its back-office pages ({@code /admin/courriels}). */
public final class Outbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Outbox() {
    }

    /** One mail of the outbox as its page shows it. */
    public record Mail(long id, Document page) {

        public String subject() {
            return page.selectFirst("h1").text();
        }

        public String status() {
            return page.select("dl.facts dd").get(2).text();
        }

        /** The text of the mail as shown. */
        public String body() {
            return page.selectFirst("pre.mail-body").wholeText();
        }

        public List<String> links() {
            return LINK.matcher(body()).results().map(MatchResult::group).toList();
        }
    }

    /** The outbox's mails to this address, newest first. */
    public static List<Mail> mailsTo(MockMvc mvc, Cookie admin, String address) throws Exception {
        var list = Jsoup.parse(mvc.perform(get("/admin/courriels").param("destinataire", address).cookie(admin))
                .andReturn().getResponse().getContentAsString());
        var mails = new ArrayList<Mail>();
        for (var link : list.select("table a[href^=/admin/courriels/]")) {
            long id = Long.parseLong(link.attr("href").substring("/admin/courriels/".length()));
            mails.add(new Mail(id, page(mvc, admin, id)));
        }
        return mails;
    }

    public static Document page(MockMvc mvc, Cookie admin, long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/courriels/" + id).cookie(admin)).andReturn().getResponse()
                .getContentAsString());
    }

    /** Waits for a mail to this address that the condition accepts. */
    public static Mail await(MockMvc mvc, Cookie admin, String address, Predicate<Mail> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(mvc, admin, address).stream().filter(condition).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for a mail to this address whose text shows a link to the path, and answers the link. */
    public static String awaitLink(MockMvc mvc, Cookie admin, String address, String path) {
        return await(mvc, admin, address, mail -> mail.links().stream().anyMatch(l -> l.contains(path))).links().stream()
                .filter(l -> l.contains(path)).findFirst().orElseThrow();
    }
}
