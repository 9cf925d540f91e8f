package org.beffroi.payments.internal.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;

import org.beffroi.platform.NegativeControls;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A local stand-in for PayFiP, for the demo and the tests: <strong>never for production</strong> (it pays nothing,
 * and it refuses to start under the {@code prod} profile). Enabled by
 * {@code beffroi.payments.payfip.simulator.enabled=true}.
 *
 * <p>It keeps its operations in {@code payments_payfip_simulated}: {@link #create} answers an idOp for a well-formed
 * creerPaiementSecurise of a client it knows ({@code beffroi.payments.payfip.simulator.client-numbers}, by default
 * the provider's client number); {@link #detail} answers recupererDetailPaiementSecurise; {@link #choose} records the
 * payer's choice once (one conditional update), posts {@code idop} to urlnotif from the server, and answers where
 * the browser goes: urlredirect with {@code idop}. Both addresses must be on this site ({@code beffroi.base-url}): the
 * simulator reaches nothing else and sends no browser elsewhere.
 */
@Slf4j
@Service
@ConditionalOnProperty(name = "beffroi.payments.payfip.simulator.enabled", havingValue = "true")
public class PayfipSimulator {

    /** The fault codes the simulator answers; its own, not PayFiP's list (P5, "no result yet", is as eopayment reads it). */
    public static final String UNKNOWN_CLIENT = "S1";
    public static final String MALFORMED = "S2";
    public static final String UNKNOWN_OPERATION = "S3";
    public static final String NO_RESULT_YET = "P5";

    /** dattrans and heurtrans as the detail carries them (wire formats, never shown to a person). */
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm");
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final Pattern REFDET = Pattern.compile("[A-Za-z0-9]{6,30}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,9}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Set<String> SAISIE = Set.of("T", "X", "W");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The payer's choice on the simulator's page. */
    public enum Choice {
        PAY("P"), REFUSE("R"), ABANDON("A");

        final String resultrans;

        Choice(String resultrans) {
            this.resultrans = resultrans;
        }
    }

    /** A SOAP fault to answer. */
    public static final class Fault extends Exception {

        private final String code;

        Fault(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** An operation as the simulator holds it; {@code resultrans} is null until the payer chose. */
    public record Operation(String idop, String numcli, String exer, String refdet, String objet, long montant,
            String mel, String urlnotif, String urlredirect, String saisie, String resultrans, String numauto,
            Instant chosenAt, Integer notificationStatus) {

        public boolean chosen() {
            return resultrans != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PublicAddress site;
    private final Set<String> clients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PayfipSimulator(JdbcClient jdbc, Clock clock, PublicAddress site, Environment environment,
            @Value("${beffroi.payments.payfip.simulator.client-numbers:${beffroi.payments.payfip.client-number:}}")
            String clients) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the PayFiP simulator pays nothing: never under the prod profile "
                    + "(beffroi.payments.payfip.simulator.enabled=false)");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.site = site;
        this.clients = Arrays.stream(clients.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** creerPaiementSecurise: a new operation's idOp. */
    public String create(Map<String, String> arguments) throws Fault {
        String numcli = arguments.get("numcli");
        if (numcli == null || !SIX_DIGITS.matcher(numcli).matches() || !clients.contains(numcli)) {
            throw new Fault(UNKNOWN_CLIENT, "client inconnu");
        }
        String refdet = required(arguments, "refdet", REFDET);
        String montant = required(arguments, "montant", AMOUNT);
        String exer = required(arguments, "exer", YEAR);
        String mel = arguments.get("mel");
        if (mel == null || mel.isBlank() || mel.length() > 254 || !mel.contains("@")) {
            throw new Fault(MALFORMED, "mel invalide");
        }
        String objet = Objects.requireNonNullElse(arguments.get("objet"), "");
        if (objet.length() > 100) {
            throw new Fault(MALFORMED, "objet trop long");
        }
        String saisie = arguments.get("saisie");
        if (saisie == null || !SAISIE.contains(saisie)) {
            throw new Fault(MALFORMED, "saisie invalide");
        }
        String urlnotif = onThisSite(arguments.get("urlnotif"), "urlnotif");
        String urlredirect = onThisSite(arguments.get("urlredirect"), "urlredirect");
        String idop = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into payments_payfip_simulated (idop, numcli, exer, refdet, objet, montant, mel, urlnotif,
                    urlredirect, saisie, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(idop, numcli, exer, refdet, objet, Long.parseLong(montant), mel.strip(), urlnotif, urlredirect,
                        saisie, Timestamp.from(clock.instant()))
                .update();
        return idop;
    }

    /** recupererDetailPaiementSecurise: the operation's detail, once the payer chose. */
    public Map<String, String> detail(String idop) throws Fault {
        var operation = find(idop).orElseThrow(() -> new Fault(UNKNOWN_OPERATION, "opération inconnue"));
        if (!operation.chosen()) {
            throw new Fault(NO_RESULT_YET, "résultat non disponible");
        }
        var at = operation.chosenAt().atZone(CommuneTime.ZONE);
        var fields = new LinkedHashMap<String, String>();
        fields.put("dattrans", DATTRANS.format(at));
        fields.put("exer", operation.exer());
        fields.put("heurtrans", HEURTRANS.format(at));
        fields.put("idOp", operation.idop());
        fields.put("mel", operation.mel());
        fields.put("montant", Long.toString(operation.montant()));
        fields.put("numauto", operation.numauto());
        fields.put("numcli", operation.numcli());
        fields.put("objet", operation.objet());
        fields.put("refdet", operation.refdet());
        fields.put("resultrans", operation.resultrans());
        fields.put("saisie", operation.saisie());
        return fields;
    }

    public Optional<Operation> find(String idop) {
        if (idop == null || idop.length() > 36) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select idop, numcli, exer, refdet, objet, montant, mel, urlnotif, urlredirect, saisie, resultrans,
                    numauto, chosen_at, notification_status from payments_payfip_simulated where idop = ?""")
                .param(idop)
                .query((rs, n) -> new Operation(rs.getString("idop"), rs.getString("numcli"), rs.getString("exer"),
                        rs.getString("refdet"), rs.getString("objet"), rs.getLong("montant"), rs.getString("mel"),
                        rs.getString("urlnotif"), rs.getString("urlredirect"), rs.getString("saisie"),
                        rs.getString("resultrans"), rs.getString("numauto"),
                        rs.getTimestamp("chosen_at") == null ? null : rs.getTimestamp("chosen_at").toInstant(),
                        (Integer) rs.getObject("notification_status", Integer.class)))
                .optional();
    }

    /**
     * The payer's choice, recorded once: the first choice stands, a later one changes nothing. The first posts the
     * notification (server side, urlnotif, {@code idop=...}); every call answers where the browser goes next.
     */
    public Optional<URI> choose(String idop, Choice choice) {
        var operation = find(idop);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        if (record(idop, choice)) {
            int status = notify(operation.get());
            jdbc.sql("update payments_payfip_simulated set notification_status = ? where idop = ?")
                    .params(status, idop).update();
        }
        return Optional.of(withIdop(operation.get().urlredirect(), idop));
    }

    /**
     * The guard, for the negative control of the tests alone: off, the choice is what a naive implementation does
     * (read whether it is made, pause, then write it without condition), and several callers each believe they chose.
     */
    volatile boolean guarded = true;

    /**
     * Records the choice if none is recorded yet: one conditional update ({@code ... where resultrans is null}), whose
     * row count says whether this caller chose; the database's row lock makes every other caller update nothing.
     */
    boolean record(String idop, Choice choice) {
        String numauto = choice == Choice.PAY ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null;
        var now = Timestamp.from(clock.instant());
        if (!guarded) {
            if (find(idop).map(Operation::chosen).orElse(true)) {
                return false;
            }
            NegativeControls.widenTheRace();
            return jdbc.sql("update payments_payfip_simulated set resultrans = ?, numauto = ?, chosen_at = ? where idop = ?")
                    .params(choice.resultrans, numauto, now, idop).update() == 1;
        }
        return jdbc.sql("""
                update payments_payfip_simulated set resultrans = ?, numauto = ?, chosen_at = ?
                where idop = ? and resultrans is null""")
                .params(choice.resultrans, numauto, now, idop).update() == 1;
    }

    /** Posts {@code idop} to urlnotif; answers the HTTP status, or 0 when nothing answered. */
    private int notify(Operation operation) {
        var request = HttpRequest.newBuilder(URI.create(operation.urlnotif())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("idop=" + URLEncoder.encode(operation.idop(),
                        StandardCharsets.UTF_8)))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("PayFiP simulator: notification posted, answered {}", status);
            return status;
        } catch (java.io.IOException e) {
            log.warn("PayFiP simulator: the notification reached nothing");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static URI withIdop(String address, String idop) {
        return URI.create(address + (address.contains("?") ? "&" : "?") + "idop="
                + URLEncoder.encode(idop, StandardCharsets.UTF_8));
    }

    private static String required(Map<String, String> arguments, String name, Pattern shape) throws Fault {
        String value = arguments.get(name);
        if (value == null || !shape.matcher(value).matches()) {
            throw new Fault(MALFORMED, name + " invalide");
        }
        return value;
    }

    /** An absolute address on this site (same scheme, host and port as beffroi.base-url), without user info. */
    private String onThisSite(String address, String name) throws Fault {
        try {
            URI uri = URI.create(Objects.requireNonNull(address));
            URI base = URI.create(site.base());
            if (uri.isAbsolute() && uri.getRawUserInfo() == null && base.getScheme().equals(uri.getScheme())
                    && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost())) && port(base) == port(uri)
                    && address.length() <= 1000) {
                return address;
            }
        } catch (RuntimeException e) {
            // below
        }
        throw new Fault(MALFORMED, name + " hors du site");
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
