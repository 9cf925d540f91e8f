package org.beffroi.alerts.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import lombok.RequiredArgsConstructor;

/**
 * One alert mail as Jakarta Mail writes it, with stand-ins where each recipient's own values go: the
 * recipient's address, the signed token of their links, the Message-ID naming their delivery. An alert to
 * 100,000 people is then composed once, and each mail is the same bytes with three values put in, instead of a
 * message built, encoded and written again for every recipient.
 * <p>
 * Only for an 8-bit body (RFC 6152): the values go in as they are. A quoted-printable body would need them
 * encoded and its lines cut again, so such mails are composed one by one as before.
 */
@RequiredArgsConstructor
final class MailTemplate {

    /** What stands for each recipient's value while the template is written; none can be met in a mail's text. */
    enum Value {
        ADDRESS("recipient@stand-in.invalid", 320), TOKEN("0.stand-in-token-4f1c9b", 64),
        MESSAGE_ID("<stand-in-message-id-4f1c9b@stand-in.invalid>", 300);

        private final byte[] standIn;
        /** The longest value it may stand for, to keep every line within the limit once values are in. */
        private final int longest;

        Value(String standIn, int longest) {
            this.standIn = standIn.getBytes(StandardCharsets.US_ASCII);
            this.longest = longest;
        }

        String standIn() {
            return new String(standIn, StandardCharsets.US_ASCII);
        }
    }

    /** RFC 5322 §2.1.1 and RFC 6152: at most 998 bytes on a line, line ends not counted. */
    private static final int MAX_LINE = 998;

    /** The template's bytes between two values; {@code values[i]} goes after {@code pieces[i]}. */
    private final byte[][] pieces;
    private final Value[] values;

    /**
     * The template of a mail written with the stand-ins, if each value's place can be found in it: every
     * stand-in met whole where it was put, no line longer than allowed once the values are in, no NUL byte.
     */
    static Optional<MailTemplate> of(MimeMessage sample) throws MessagingException {
        byte[] written;
        try {
            var out = new ByteArrayOutputStream(4096);
            sample.writeTo(out);
            written = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("mail not written", e);
        }
        var pieces = new ArrayList<byte[]>();
        var found = new ArrayList<Value>();
        int lineStart = 0;
        int lineExtra = 0;
        int pieceStart = 0;
        for (int i = 0; i < written.length; i++) {
            if (written[i] == 0) {
                return Optional.empty();
            }
            if (written[i] == '\n') {
                if (i - lineStart > MAX_LINE + 1 - lineExtra) { // + 1: a CR before the LF is not counted
                    return Optional.empty();
                }
                lineStart = i + 1;
                lineExtra = 0;
                continue;
            }
            Value value = valueAt(written, i);
            if (value != null) {
                pieces.add(Arrays.copyOfRange(written, pieceStart, i));
                found.add(value);
                lineExtra += value.longest - value.standIn.length;
                i += value.standIn.length - 1;
                pieceStart = i + 1;
            }
        }
        pieces.add(Arrays.copyOfRange(written, pieceStart, written.length));
        if (found.stream().distinct().count() != Value.values().length) {
            return Optional.empty(); // a stand-in cut by folding or encoding: its value would have nowhere to go
        }
        return Optional.of(new MailTemplate(pieces.toArray(byte[][]::new), found.toArray(Value[]::new)));
    }

    private static Value valueAt(byte[] written, int at) {
        for (Value value : Value.values()) {
            if (at + value.standIn.length <= written.length
                    && Arrays.equals(written, at, at + value.standIn.length, value.standIn, 0, value.standIn.length)) {
                return value;
            }
        }
        return null;
    }

    /**
     * The same template as SMTP carries it after {@code DATA} (RFC 5321 §4.5.2): every line ended by CRLF, a
     * dot that begins a line doubled, and a line end after the last line, so that the ending {@code .} stands on
     * its own line. A value never holds a line end nor begins a line, so each piece can be converted alone; only
     * the first begins a line.
     */
    MailTemplate forTransmission() {
        var converted = new byte[pieces.length][];
        for (int p = 0; p < pieces.length; p++) {
            var out = new ByteArrayOutputStream(pieces[p].length + 16);
            boolean lineStart = p == 0;
            byte[] piece = pieces[p];
            for (int i = 0; i < piece.length; i++) {
                byte b = piece[i];
                if (b == '\r' || b == '\n') {
                    out.write('\r');
                    out.write('\n');
                    if (b == '\r' && i + 1 < piece.length && piece[i + 1] == '\n') {
                        i++;
                    }
                    lineStart = true;
                    continue;
                }
                if (lineStart && b == '.') {
                    out.write('.');
                }
                out.write(b);
                lineStart = false;
            }
            if (p == pieces.length - 1 && !lineStart) {
                out.write('\r');
                out.write('\n');
            }
            converted[p] = out.toByteArray();
        }
        return new MailTemplate(converted, values);
    }

    /** Writes one recipient's mail: the template with their address, token and Message-ID (ASCII). */
    void writeTo(OutputStream out, String address, String token, String messageId) throws IOException {
        byte[][] own = {ascii(address), ascii(token), ascii(messageId)};
        for (int i = 0; i < values.length; i++) {
            out.write(pieces[i]);
            out.write(own[values[i].ordinal()]);
        }
        out.write(pieces[pieces.length - 1]);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
