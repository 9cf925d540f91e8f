package org.beffroi.platform.internal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.beffroi.platform.OutgoingMail.Secret;

/**
 * A mail's text as the outbox stores it (ADR 0025): each secret replaced by a numbered mark, the secrets kept apart,
 * one a line, until the mail leaves. The marks are made of two characters of Unicode's private-use area, which a
 * text given to the outbox loses first, so that nothing a sender or a resident typed can pass for one.
 */
public final class MailText {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern MARK = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private MailText() {
    }

    /** The text to store: each secret replaced by its mark, the longest first (a secret may hold a shorter one). */
    static String marked(String text, List<Secret> secrets) {
        String marked = text.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
        var longestFirst = IntStream.range(0, secrets.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> secrets.get(i).value().length()).reversed()).toList();
        for (int i : longestFirst) {
            marked = marked.replace(secrets.get(i).value(), OPEN + Integer.toString(i) + CLOSE);
        }
        return marked;
    }

    /** The secrets as stored, one a line; null when there are none. */
    static String secrets(List<Secret> secrets) {
        return secrets.isEmpty() ? null : String.join("\n", secrets.stream().map(Secret::value).toList());
    }

    /** The text to send: the stored one with its secrets back in place. */
    static String revealed(String body, String secrets) {
        return replaceMarks(body, secrets, null);
    }

    /**
     * The text to show: the stored one with each mark replaced by its secret, from {@code secrets} if given (null:
     * none may be shown), else by {@code hidden}.
     */
    public static String shown(String body, String secrets, String hidden) {
        return replaceMarks(body, secrets, hidden);
    }

    private static String replaceMarks(String body, String secrets, String hidden) {
        var values = secrets == null ? List.<String>of() : List.of(secrets.split("\n"));
        return MARK.matcher(body).replaceAll(mark -> {
            int index = Integer.parseInt(mark.group(1));
            if (index < values.size()) {
                return Matcher.quoteReplacement(values.get(index));
            }
            if (hidden == null) {
                throw new IllegalStateException("a mail to send has lost a secret");
            }
            return Matcher.quoteReplacement(hidden);
        });
    }
}
