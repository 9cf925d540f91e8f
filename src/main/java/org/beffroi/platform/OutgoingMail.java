package org.beffroi.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plain-text e-mail to one recipient. {@code secrets} are the parts of the text that open something for whoever
 * holds them — a single-use link, a signed link — and must reach the recipient only: the outbox keeps them until
 * the mail has left and never shows them (ADR 0025). {@code files} are sent with it as attachments, and kept in the
 * outbox as long as the mail.
 */
public record OutgoingMail(String to, String subject, String text, List<Secret> secrets, List<AttachedFile> files) {

    /** The most all the files of one mail may weigh together: relays commonly refuse mails of over 10 MB. */
    public static final int MAX_FILES_BYTES = 5 * 1024 * 1024;

    public OutgoingMail {
        secrets = List.copyOf(secrets);
        files = List.copyOf(files);
        if (files.stream().mapToLong(file -> file.content().length).sum() > MAX_FILES_BYTES) {
            throw new IllegalArgumentException("the files of the mail to " + to + " weigh over " + MAX_FILES_BYTES + " bytes");
        }
        for (var secret : secrets) {
            if (!text.contains(secret.value())) {
                throw new IllegalArgumentException("a secret of the mail to " + to + " is not in its text");
            }
        }
    }

    /** A mail whose text holds the secrets given, without files. */
    public OutgoingMail(String to, String subject, String text, List<Secret> secrets) {
        this(to, subject, text, secrets, List.of());
    }

    /** A mail whose text holds the secrets given (none: nothing in it needs hiding), without files. */
    public OutgoingMail(String to, String subject, String text, Secret... secrets) {
        this(to, subject, text, List.of(secrets));
    }

    /** The same mail with one more file attached. */
    public OutgoingMail with(AttachedFile file) {
        var more = new ArrayList<>(files);
        more.add(file);
        return new OutgoingMail(to, subject, text, secrets, more);
    }

    /**
     * A file sent with a mail: its name as the recipient sees it (no folder, on one line), its media type, its bytes.
     */
    public record AttachedFile(String fileName, String mediaType, byte[] content) {

        private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N} _.()-]{1,200}");
        private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+(; ?charset=[A-Za-z0-9-]+)?");

        public AttachedFile {
            if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.startsWith(".")) {
                throw new IllegalArgumentException("a file's name is letters, digits, spaces and _.()- only");
            }
            if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
                throw new IllegalArgumentException("not a media type: " + mediaType);
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AttachedFile that && fileName.equals(that.fileName) && mediaType.equals(that.mediaType)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "AttachedFile[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
        }
    }

    /** A part of a mail's text that works as a key, such as a link carrying a token; on one line. */
    public record Secret(String value) {

        public Secret {
            if (value == null || value.isBlank() || value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("a secret is a non-blank value on one line");
            }
        }
    }
}
