package org.beffroi.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Reads what the application mailed, from the test SMTP server. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Mailbox() {
    }

    /** Waits for the n-th message (counting from 1) sent to this address. */
    public static MimeMessage awaitMessage(String address, int n) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(address), list -> list.size() >= n).get(n - 1);
    }

    /**
     * Waits for a message to this address carrying a link to the given path, and answers the link.
     * Mail is delivered by concurrent workers: two mails sent a moment apart may arrive in either order.
     */
    public static String awaitLink(String address, String path) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(address).stream().map(Mailbox::body)
                        .flatMap(body -> LINK.matcher(body).results().map(java.util.regex.MatchResult::group))
                        .filter(link -> link.contains(path)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for a message to this address whose body holds the text, and answers the body (mails may arrive in either order). */
    public static String awaitBodyWith(String address, String text) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(address).stream().map(Mailbox::body).filter(body -> body.contains(text))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(TestServers.mail().getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** How many of the messages went to each address ending with the suffix. */
    public static Map<String, Integer> countByRecipient(Collection<MimeMessage> messages, String suffix) {
        var counts = new HashMap<String, Integer>();
        for (var message : messages) {
            try {
                for (var to : message.getRecipients(Message.RecipientType.TO)) {
                    if (to.toString().endsWith(suffix)) {
                        counts.merge(to.toString(), 1, Integer::sum);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    /** A file that came with a message: its name, its media type as sent, its bytes. */
    public record File(String name, String type, byte[] content) {
    }

    /** The files attached to a message, in order; none for a plain-text message. */
    public static List<File> files(MimeMessage message) {
        try {
            return message.getContent() instanceof Multipart multipart ? files(multipart) : List.of();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<File> files(Multipart multipart) throws IOException, MessagingException {
        var files = new ArrayList<File>();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                files.addAll(files(inner));
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.add(new File(MimeUtility.decodeText(part.getFileName()), part.getContentType(),
                        part.getInputStream().readAllBytes()));
            }
        }
        return files;
    }

    /** The text of a message; of a message with files, its text part. */
    public static String body(MimeMessage message) {
        try {
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    var part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain") && part.getDisposition() == null) {
                        return (String) part.getContent();
                    }
                }
                throw new AssertionError("No text in the message " + message.getSubject());
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The first link of the message whose address contains the given path. */
    public static String link(MimeMessage message, String path) {
        var matcher = LINK.matcher(body(message));
        while (matcher.find()) {
            if (matcher.group().contains(path)) {
                return matcher.group();
            }
        }
        throw new AssertionError("No link to " + path + " in: " + body(message));
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
