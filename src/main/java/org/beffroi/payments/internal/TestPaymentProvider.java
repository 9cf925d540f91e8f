package org.beffroi.payments.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.ProviderSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The test provider (id {@code test}), for the tests and the demo: no money moves. On while
 * {@code beffroi.payments.test.enabled} is true (the default, for the demo); a commune taking real payments switches it
 * off, and then no payment can be made with it and its page answers 404. Its page, {@code /paiements/test/{token}}
 * ({@code web.TestProviderController}), lets the person pay or refuse. Its results carry
 * {@code reference}, {@code amount} (cents), {@code outcome} ({@code PAID} or {@code REFUSED}) and {@code signature},
 * an HMAC-SHA256 of the other parameters (sorted by name, {@code name=value} joined by {@code &}, URL-encoded) under
 * {@code beffroi.payments.test.secret} (set in the back office, else by the deployment, else the demo's). A result whose
 * signature does not match is invalid.
 */
@Component
@RequiredArgsConstructor
@ConditionalOnProperty(name = "beffroi.payments.test.enabled", havingValue = "true", matchIfMissing = true)
public class TestPaymentProvider implements PaymentProvider {

    public static final String ID = "test";
    private static final String SIGNATURE = "signature";

    /** Where the test provider's page is, under the site's own address. */
    public static final String PAGE_PREFIX = "/paiements/test/";

    private static final String SECRET_KEY = "beffroi.payments.test.secret";
    private static final String DEMO_SECRET = "beffroi-demo-test-provider-secret";

    private final ProviderSettings settings;
    private final PaymentStore store;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting(SECRET_KEY, "payments.test.secret", true));
    }

    /**
     * The browser goes to the provider's own page on this site ({@value #PAGE_PREFIX} and the payment's page token,
     * on the host of the return address Beffroi built), where the person pays or refuses.
     */
    @Override
    public URI start(PaymentStart payment, Callbacks callbacks) {
        String token = store.find(payment.reference()).map(org.beffroi.payments.Payment::pageToken)
                .orElseThrow(() -> new IllegalArgumentException("no payment " + payment.reference()));
        return UriComponentsBuilder.fromUri(callbacks.browserReturn()).replacePath(PAGE_PREFIX + token)
                .replaceQuery(null).fragment(null).build().toUri();
    }

    @Override
    public Verification verify(Map<String, String> parameters) {
        String reference = parameters.get("reference");
        String signature = parameters.get(SIGNATURE);
        if (signature == null || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                sign(parameters).getBytes(StandardCharsets.UTF_8))) {
            return Verification.invalid(reference);
        }
        try {
            var outcome = Outcome.valueOf(parameters.get("outcome"));
            long amount = Long.parseLong(parameters.get("amount"));
            if (reference == null || outcome == Outcome.INVALID) {
                return Verification.invalid(reference);
            }
            return new Verification(outcome, reference, amount);
        } catch (RuntimeException e) {
            return Verification.invalid(reference);
        }
    }

    /** The parameters of a genuine result, signed: what the demo's page, and the tests, send back. */
    public Map<String, String> result(String reference, long amountCents, Outcome outcome) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("reference", reference);
        parameters.put("amount", Long.toString(amountCents));
        parameters.put("outcome", outcome.name());
        parameters.put(SIGNATURE, sign(parameters));
        return parameters;
    }

    private String sign(Map<String, String> parameters) {
        String canonical = new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !e.getKey().equals(SIGNATURE))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            byte[] secret = settings.value(ID, SECRET_KEY).orElse(DEMO_SECRET).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
