package org.beffroi.perf;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Residents filing a report with a photo through the form (multipart, as the browser sends it), signed out, under a
 * closed load of {@code users} (each sends its next report once the last one is answered) for {@code seconds},
 * after a warm-up of as long. Each report: a category, a point drawn inside the commune, a description, its own
 * e-mail address and one photo (a JPEG of 1600 × 1200 pixels made here, {@code PHOTO}). An accepted report answers
 * 302 to « sent »; requests are named "warm-up" and "file", and the script counts the reports stored.
 */
public class ReportsFilingSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private final int users = Integer.getInteger("users", 64);
    private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    private final String categories = System.getProperty("categories", "1");

    static final byte[] PHOTO = photo();
    private static final AtomicLong SENT = new AtomicLong();

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("text/html,*/*;q=0.8")
            .acceptLanguageHeader("fr-FR,fr;q=0.9").userAgentHeader("beffroi-perf").disableCaching()
            .disableFollowRedirect();

    /** A photo as a phone's, reduced: shapes and a little noise, so that it compresses as a picture does. */
    private static byte[] photo() {
        var image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        var random = new Random(18);
        var graphics = image.createGraphics();
        graphics.setPaint(new java.awt.GradientPaint(0, 0, new Color(120, 140, 160), 1600, 1200, new Color(70, 70, 60)));
        graphics.fillRect(0, 0, 1600, 1200);
        for (int i = 0; i < 400; i++) {
            graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 80));
            graphics.fillOval(random.nextInt(1600), random.nextInt(1200), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        graphics.dispose();
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(9) - 4;
                int r = Math.clamp(((rgb >> 16) & 0xff) + n, 0, 255);
                int g = Math.clamp(((rgb >> 8) & 0xff) + n, 0, 255);
                int b = Math.clamp((rgb & 0xff) + n, 0, 255);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Each resident first opens the form, which gives its token (and a session). */
    private final ChainBuilder openForm = exec(http("form").get("/signalements/nouveau").check(status().is(200),
            css("input[name=_csrf]", "value").saveAs("csrf"))).exitHereIfFailed();

    private HttpRequestActionBuilder file(String name) {
        return http(name).post("/signalements/nouveau").asMultipartForm()
                .formParam("_csrf", "#{csrf}")
                .formParam("categoryId", "#{category}")
                .formParam("latitude", "#{latitude}")
                .formParam("longitude", "#{longitude}")
                .formParam("description", "Un nid-de-poule profond au bord de la chaussée, devant le numéro 12.")
                .formParam("email", "#{email}")
                .bodyPart(ByteArrayBodyPart("photos", PHOTO).fileName("photo.jpg").contentType("image/jpeg"));
    }

    /** A new report's fields: a category of the list, a point within 2 km of the centre, an address of its own. */
    private ChainBuilder draw() {
        var choices = categories.split(",");
        return exec(session -> {
            var random = ThreadLocalRandom.current();
            double distance = 0.018 * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            return session.set("category", choices[random.nextInt(choices.length)])
                    .set("latitude", String.format(Locale.ROOT, "%.6f", 46.105 + distance * Math.sin(angle)))
                    .set("longitude", String.format(Locale.ROOT, "%.6f", 5.33 + 1.44 * distance * Math.cos(angle)))
                    .set("email", "habitant-" + SENT.incrementAndGet() + "@example.org");
        });
    }

    private ScenarioBuilder filing(String name) {
        // exitASAP off: a filing sent when the phase ends is still answered and counted (stored == accepted is checked)
        return scenario(name).exec(openForm).during(phase, false).on(draw().exec(Recorder.measured(name, name, file(name), 302)));
    }

    {
        setUp(filing("warm-up").injectOpen(atOnceUsers(users))
                .andThen(filing("file").injectOpen(atOnceUsers(users)))).protocols(protocol);
    }

    @Override
    public void after() {
        System.out.printf("PHOTO bytes=%d%n", PHOTO.length);
        Recorder.print();
    }
}
