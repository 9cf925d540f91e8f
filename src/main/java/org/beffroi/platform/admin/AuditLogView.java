package org.beffroi.platform.admin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The security log in words: each action code has its label in the bundle of the module that records it
 * ({@code audit.action.<code>}), the details a word for them where one exists ({@code audit.detail.<code>.<details>}),
 * never the name of a Java exception, and addresses written as people write them (RFC 5952).
 */
@Component
@RequiredArgsConstructor
class AuditLogView {

    static final String ACTION_PREFIX = "audit.action.";
    private static final String DETAIL_PREFIX = "audit.detail.";
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*(Exception|Error)");

    private final MessageSource messages;
    private final Map<String, List<Kind>> kinds = new ConcurrentHashMap<>();

    /** A kind of action, for the filter: its code and its label. */
    record Kind(String code, String label) {
    }

    /** One line of the log as shown. */
    record Row(Instant occurredAt, String actorLabel, String action, String actionLabel, String target, String ip,
            String details) {
    }

    List<Row> rows(List<AuditLog.Entry> entries, Locale locale) {
        return entries.stream().map(e -> new Row(e.occurredAt(), e.actorLabel(), e.action(), label(e.action(), locale),
                e.target(), ip(e.ip()), details(e.action(), e.details(), locale))).toList();
    }

    /** Every kind of action a bundle names, by label in the language's order. */
    List<Kind> kinds(Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
        return kinds.computeIfAbsent(language, AuditLogView::kindsIn);
    }

    private String label(String action, Locale locale) {
        return messages.getMessage(ACTION_PREFIX + action, null, action, locale);
    }

    private String details(String action, String details, Locale locale) {
        if (details == null) {
            return null;
        }
        String word = messages.getMessage(DETAIL_PREFIX + action + "." + details, null, null, locale);
        if (word != null) {
            return word;
        }
        return EXCEPTION_NAME.matcher(details).matches() ? null : details;
    }

    private static List<Kind> kindsIn(String language) {
        var found = new java.util.TreeMap<String, String>();
        try {
            for (var bundle : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:i18n/*/messages_" + language + ".properties")) {
                var properties = new Properties();
                try (var in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                properties.stringPropertyNames().stream().filter(key -> key.startsWith(ACTION_PREFIX))
                        .forEach(key -> found.put(key.substring(ACTION_PREFIX.length()), properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var collator = Collator.getInstance(Locale.of(language));
        return found.entrySet().stream().map(e -> new Kind(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Kind::label, collator)).toList();
    }

    /**
     * An address as people write it: IPv4 in its dotted form (also when the server saw it as IPv4-mapped IPv6),
     * IPv6 in lower case with the longest run of zeros shortened to "::" (RFC 5952); anything else as it was stored.
     */
    static String ip(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String literal = stored.strip();
        int zone = literal.indexOf('%');
        literal = zone < 0 ? literal : literal.substring(0, zone);
        if (!ADDRESS_LITERAL.matcher(literal).matches()) {
            return stored;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal); // a literal: read, never looked up
        } catch (UnknownHostException notAnAddress) {
            return stored;
        }
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
