package org.beffroi.payments.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import lombok.extern.slf4j.Slf4j;

import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.ProviderSettings;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.OutgoingRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * PayFiP (DGFiP's online payment service for public bodies), its web-service version ("PayFiP WS"), id
 * {@code payfip}; present only when {@code beffroi.payments.payfip.enabled=true}.
 *
 * <p>{@code start} calls the SOAP operation {@code creerPaiementSecurise} at the configured web-service address and
 * sends the browser to the configured payment page with the {@code idop} it answered; the idOp is kept with the
 * payment's reference and amount ({@code payments_payfip_operation}). {@code verify} trusts nothing of what it is given
 * but the {@code idop}: an idOp Beffroi did not start is invalid without any call; otherwise it asks PayFiP
 * ({@code recupererDetailPaiementSecurise}, at the configured address only, never one from the request) and the
 * answer must name this commune's client number, the payment's reference and its amount. {@code resultrans} P or V
 * is paid, R (refused) or A (abandoned) is refused; anything else, a fault (PayFiP's P5 while the payer has not
 * finished) or no answer within {@code beffroi.payments.payfip.timeout} is invalid, and the payment stays pending.
 *
 * <p>HTTP is the JDK's client, with a deadline on the whole exchange and a size limit on the answer; XML is the JDK's
 * (see {@link PayfipSoap}). The logs name the operation and its outcome: never an idOp's detail, a client number or
 * an e-mail.
 */
@Slf4j
@Component
@ConditionalOnProperty(name = "beffroi.payments.payfip.enabled", havingValue = "true")
public class PayfipProvider implements PaymentProvider {

    public static final String ID = "payfip";
    static final String PREFIX = "beffroi.payments.payfip.";
    static final String CLIENT_NUMBER_KEY = PREFIX + "client-number";
    static final String MODE_KEY = PREFIX + "mode";
    /** PayFiP's client number: six digits. */
    private static final Pattern CLIENT_NUMBER = Pattern.compile("[0-9]{6}");
    /** refdet as eopayment checks it (6 to 30 letters or digits); not confirmed against DGFiP's description. */
    private static final Pattern REFDET = Pattern.compile("[A-Za-z0-9]{6,30}");
    private static final Pattern IDOP = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_OBJET = 100;

    /** The mode: {@code T} (test), {@code X} (activation, a real payment the commune checks) or {@code W} (production). */
    enum Mode {
        TEST("T"), ACTIVATION("X"), PRODUCTION("W");

        final String saisie;

        Mode(String saisie) {
            this.saisie = saisie;
        }

        static Mode of(String setting) {
            try {
                return valueOf(setting.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalStateException(PREFIX + "mode is test, activation or production, not '" + setting + "'");
            }
        }
    }

    /**
     * Where PayFiP is and how it is spoken to. Every value is read when used: the client number and the mode as the
     * back office or the deployment set them now, the addresses as the deployment gives them (a test server's port
     * comes late).
     */
    record Settings(Supplier<String> clientNumber, Supplier<String> webService, Supplier<String> paymentPage,
            Supplier<Mode> mode, Duration timeout) {

        Settings {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalStateException(PREFIX + "timeout must be positive");
            }
        }

        /** The client number, checked: six digits, else PayFiP cannot be used. */
        String checkedClientNumber() {
            String number = clientNumber.get();
            if (number == null || !CLIENT_NUMBER.matcher(number).matches()) {
                throw new Unavailable("PayFiP's client number is not set (six digits)");
            }
            return number;
        }
    }

    /** PayFiP did not give an operation to start: no answer in time, a fault, or an answer without idOp. */
    public static final class Unavailable extends ProviderUnavailableException {

        Unavailable(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final PayfipOperations operations;
    private final Clock clock;
    private final OutgoingRequests outgoing;

    @Autowired
    PayfipProvider(Environment environment, ProviderSettings current, PayfipOperations operations, Clock clock,
            OutgoingRequests outgoing) {
        this(new Settings(() -> current.value(ID, CLIENT_NUMBER_KEY).orElse(null),
                () -> environment.getRequiredProperty(PREFIX + "web-service-url"),
                () -> environment.getRequiredProperty(PREFIX + "payment-url"),
                () -> Mode.of(current.value(ID, MODE_KEY).orElse("test")),
                environment.getProperty(PREFIX + "timeout", Duration.class, Duration.ofSeconds(10))), operations, clock,
                outgoing);
        Mode.of(environment.getProperty(MODE_KEY, "test")); // a mode misspelt at deployment stops the start
    }

    PayfipProvider(Settings settings, PayfipOperations operations, Clock clock, OutgoingRequests outgoing) {
        this.settings = settings;
        this.operations = operations;
        this.clock = clock;
        this.outgoing = outgoing;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * The client number and the mode. PayFiP's addresses are not among them: they say where a payment is believed,
     * so they are the deployment's alone ({@code beffroi.payments.payfip.web-service-url} and {@code payment-url}).
     */
    @Override
    public List<Setting> settings() {
        return List.of(new Setting(CLIENT_NUMBER_KEY, "payments.payfip.clientNumber", false, CLIENT_NUMBER.pattern()),
                new Setting(MODE_KEY, "payments.payfip.mode", false, "test|activation|production"));
    }

    /**
     * Creates the operation at PayFiP and answers its payment page.
     *
     * @throws IllegalArgumentException when the payment cannot be sent to PayFiP: a reference that is not 6 to 30
     *         letters or digits, no payer e-mail (PayFiP asks for one)
     * @throws Unavailable when PayFiP gave no operation
     */
    @Override
    public URI start(PaymentStart payment, Callbacks callbacks) {
        if (payment.reference() == null || !REFDET.matcher(payment.reference()).matches()) {
            throw new IllegalArgumentException("a PayFiP payment's reference is 6 to 30 letters or digits");
        }
        if (payment.payerEmail() == null || payment.payerEmail().isBlank()) {
            throw new IllegalArgumentException("PayFiP needs the payer's e-mail");
        }
        String clientNumber = settings.checkedClientNumber();
        var arguments = new LinkedHashMap<String, String>();
        arguments.put("exer", Integer.toString(Year.now(clock.withZone(CommuneTime.ZONE)).getValue()));
        arguments.put("mel", payment.payerEmail().strip());
        arguments.put("montant", Long.toString(payment.amountCents()));
        arguments.put("numcli", clientNumber);
        arguments.put("objet", objet(payment.label()));
        arguments.put("refdet", payment.reference());
        arguments.put("saisie", settings.mode().get().saisie);
        arguments.put("urlnotif", callbacks.notification().toString());
        arguments.put("urlredirect", callbacks.browserReturn().toString());
        PayfipSoap.Message answer;
        try {
            answer = call(PayfipSoap.CREATE, arguments);
        } catch (IOException e) {
            log.warn("PayFiP creerPaiementSecurise: no answer ({})", e.getMessage());
            throw new Unavailable("PayFiP did not answer");
        }
        if (answer.isFault()) {
            log.warn("PayFiP creerPaiementSecurise: fault {}", clean(answer.fault().code()));
            throw new Unavailable("PayFiP refused the operation (" + clean(answer.fault().code()) + ")");
        }
        String idop = answer.fields().get("idOp");
        if (idop == null || !IDOP.matcher(idop).matches()) {
            log.warn("PayFiP creerPaiementSecurise: an answer without idOp");
            throw new Unavailable("PayFiP answered no operation");
        }
        operations.insert(new PayfipOperations.Started(idop, payment.reference(), payment.amountCents()), clock.instant());
        String page = settings.paymentPage().get();
        return URI.create(page + (page.contains("?") ? "&" : "?") + "idop=" + URLEncoder.encode(idop, StandardCharsets.UTF_8));
    }

    @Override
    public Verification verify(Map<String, String> parameters) {
        String idop = parameters.get("idop");
        if (idop == null || !IDOP.matcher(idop).matches()) {
            return Verification.invalid(null);
        }
        var started = operations.find(idop);
        if (started.isEmpty()) {
            return Verification.invalid(null); // not an operation of ours: PayFiP is not even asked
        }
        String reference = started.get().reference();
        PayfipSoap.Message detail;
        try {
            detail = call(PayfipSoap.DETAIL, Map.of("idOp", idop));
        } catch (IOException e) {
            log.warn("PayFiP recupererDetailPaiementSecurise for {}: no answer ({})", reference, e.getMessage());
            return Verification.invalid(reference);
        }
        if (detail.isFault()) {
            log.info("PayFiP recupererDetailPaiementSecurise for {}: fault {}", reference, clean(detail.fault().code()));
            return Verification.invalid(reference);
        }
        var fields = detail.fields();
        if (!String.valueOf(settings.clientNumber().get()).equals(fields.get("numcli")) || !reference.equals(fields.get("refdet"))
                || !Long.toString(started.get().amountCents()).equals(fields.get("montant"))
                || fields.containsKey("idOp") && !idop.equals(fields.get("idOp"))) {
            log.warn("PayFiP recupererDetailPaiementSecurise for {}: the detail names another client, reference or "
                    + "amount", reference);
            return Verification.invalid(reference);
        }
        return switch (String.valueOf(fields.get("resultrans"))) {
            case "P", "V" -> new Verification(Outcome.PAID, reference, started.get().amountCents());
            case "R", "A" -> new Verification(Outcome.REFUSED, reference, started.get().amountCents());
            default -> Verification.invalid(reference);
        };
    }

    /** One SOAP exchange with the configured web service, within the deadline; a fault is an answer. */
    private PayfipSoap.Message call(String operation, Map<String, String> arguments) throws IOException {
        URI address;
        try {
            address = URI.create(settings.webService().get());
        } catch (RuntimeException e) {
            throw new IOException("no web-service address");
        }
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme())) {
            throw new IOException("the web-service address is not http(s)");
        }
        // through the platform's guard, as every request the server makes: a public address only, unless the
        // operator allows the host (the demo's simulator on this very server); one deadline, a bounded answer
        var request = OutgoingRequests.Request.post(address, PayfipSoap.request(operation, arguments))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .timeout(settings.timeout()).maxBytes(PayfipSoap.MAX_BYTES + 1);
        byte[] bytes = outgoing.send(request).body();
        try {
            var message = PayfipSoap.read(bytes);
            if (!message.isFault() && !(operation + "Response").equals(message.name())) {
                throw new IOException("an answer to another operation");
            }
            return message;
        } catch (PayfipSoap.Malformed e) {
            throw new IOException("an answer that is not PayFiP's: " + e.getMessage());
        }
    }

    /**
     * The label as {@code objet}: letters without accents, digits and spaces, 100 at most. A cautious choice: which
     * characters PayFiP accepts in objet is not confirmed (see the README).
     */
    static String objet(String label) {
        String plain = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9 ]", " ").replaceAll(" +", " ").strip();
        return plain.length() > MAX_OBJET ? plain.substring(0, MAX_OBJET).strip() : plain;
    }

    private static String clean(String code) {
        return code == null ? "?" : code.replaceAll("[^A-Za-z0-9_-]", "?").substring(0, Math.min(code.length(), 20));
    }

}
