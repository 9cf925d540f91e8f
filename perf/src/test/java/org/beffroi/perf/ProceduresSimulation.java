package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Filing a case of twenty fields against the bare insert of the same row, each in turn under the same closed load
 * of {@code users} signed-out residents (each sends its next request as soon as the last one is answered), for
 * {@code seconds}: bare, filing, autosave, bare again. Filing posts the review step of a draft already filled
 * (drafts made beforehand by {@code perf/procedures.sh}, one per filing: the CSV {@code drafts}; the warm-up files
 * others, {@code warmUpDrafts}); autosave posts the
 * page's twenty fields to one draft per resident, again and again, as the page's script does while they type.
 * Requests are named "bare", "file" and "autosave"; the script prints the ratios.
 */
public class ProceduresSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final String slug = System.getProperty("slug", "banc-vingt-champs");
    private final String draftsToFile = System.getProperty("drafts");
    private final String draftsToSave = System.getProperty("autosaveDrafts");
    private final String draftsToWarmUp = System.getProperty("warmUpDrafts");
    private final int users = Integer.getInteger("users", 64);
    private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 20));

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("text/html,*/*;q=0.8")
            .acceptLanguageHeader("fr-FR,fr;q=0.9").userAgentHeader("beffroi-perf").disableCaching()
            .disableFollowRedirect();

    /** The answers a resident gives, valid for the bench procedure's fields. */
    static Map<String, Object> answers() {
        var answers = new LinkedHashMap<String, Object>();
        for (int i = 1; i <= 14; i++) {
            answers.put("champ-%02d".formatted(i), "Réponse numéro " + i);
        }
        answers.put("champ-15", "habitante@example.org");
        answers.put("champ-16", "01 23 45 67 89");
        answers.put("champ-17", "3");
        answers.put("champ-18", "2027-01-15");
        answers.put("champ-19", "Une précision de quelques mots, comme en écrivent les habitants.");
        answers.put("champ-20", "12 rue des Tilleuls");
        return answers;
    }

    /** Each resident first opens the procedure's page, which gives the form's token (and a session). */
    private final ChainBuilder openPage = exec(http("page").get("/demarches/" + slug).check(status().is(200),
            css("input[name=_csrf]", "value").saveAs("csrf")));

    private HttpRequestActionBuilder post(String name, String path, boolean withAnswers) {
        var request = http(name).post(path).formParam("_csrf", "#{csrf}");
        return withAnswers ? request.formParamMap(answers()) : request;
    }

    private ScenarioBuilder bare(String phaseName) {
        return scenario(phaseName).exec(openPage).during(phase).on(Recorder.measured("bare", phaseName,
                post("bare", "/bench/procedures/insertion-nue", true), 204));
    }

    {
        var filing = scenario("filing").exec(openPage).during(phase).on(feed(csv(draftsToFile).queue())
                .exec(Recorder.measured("file", "filing",
                        post("file", "/demarches/" + slug + "/brouillons/#{draft}/envoi", false), 302)));
        var autosave = scenario("autosave").exec(openPage).feed(csv(draftsToSave).queue()).during(phase)
                .on(Recorder.measured("autosave", "autosave",
                        post("autosave", "/demarches/" + slug + "/brouillons/#{draft}/1/sauvegarde", true), 204));
        // the three requests, so that each path is compiled and its caches filled before it is measured
        var warm = scenario("warm-up").exec(openPage).during(phase).on(feed(csv(draftsToWarmUp).queue()).exec(
                post("warm-up bare", "/bench/procedures/insertion-nue", true),
                post("warm-up autosave", "/demarches/" + slug + "/brouillons/#{draft}/1/sauvegarde", true),
                post("warm-up file", "/demarches/" + slug + "/brouillons/#{draft}/envoi", false)));
        setUp(warm.injectOpen(atOnceUsers(users)).andThen(
                bare("bare 1").injectOpen(atOnceUsers(users)).andThen(
                        filing.injectOpen(atOnceUsers(users)).andThen(
                                autosave.injectOpen(atOnceUsers(users)).andThen(
                                        bare("bare 2").injectOpen(atOnceUsers(users)))))))
                .protocols(protocol);
    }

    @Override
    public void after() {
        Recorder.print();
    }
}
