package org.beffroi.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.awaitility.Awaitility;

/**
 * The listening side of the test SMTP relay: it passes every connection through to GreenMail, and can
 * shut down the way a mail server does. While shutting down it lets the transaction in progress on each
 * connection finish, answers {@code 421} to the next one (RFC 5321 §3.8) and to new connections.
 * <p>
 * Why not just kill GreenMail mid-send: a server that stores a message and dies before its {@code 250}
 * reaches the sender leaves the sender unable to know the message arrived, and any sender that does not
 * want to lose mail sends it again (the duplicate of RFC 1047, which no sender can rule out). A test of
 * "exactly once" must therefore stop the relay between transactions, which is what this front does.
 */
final class SmtpFront implements AutoCloseable {

    private final ServerSocket listener;
    private final IntSupplier backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger noops = new AtomicInteger();
    /** Whether the relay says it takes 8-bit bodies (RFC 6152), as most do; GreenMail does not say so, but takes them. */
    private volatile boolean announce8BitMime = true;
    /** The recipients of the transactions that said their body is 8-bit ({@code BODY=8BITMIME}). */
    private final java.util.Queue<String> eightBitRecipients = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Addresses answered {@code 550} at {@code RCPT TO}, as a relay does for a mailbox it does not know. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    SmtpFront(IntSupplier backendPort) throws IOException {
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("smtp-front").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Refuses new transactions and waits until every connection has closed. */
    void shutDown(Duration patience) {
        shuttingDown = true;
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(10)).until(open::isEmpty);
    }

    void resume() {
        shuttingDown = false;
    }

    /** From now on, refuses these recipients (lower case). */
    void refuse(Set<String> addresses) {
        addresses.forEach(a -> refused.add(a.toLowerCase(Locale.ROOT)));
    }

    /**
     * From now on, announces {@code 8BITMIME} in its answer to {@code EHLO} or not, and closes the connections
     * open, as a relay restarted with another configuration does.
     */
    void announce8BitMime(boolean announce) {
        announce8BitMime = announce;
        for (var client : open) {
            try {
                client.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    /** The recipients of the mails said to be 8-bit ({@code MAIL FROM:<…> BODY=8BITMIME}) so far, lower case. */
    List<String> eightBitRecipients() {
        return List.copyOf(eightBitRecipients);
    }

    /** The connections passed through so far. */
    int connections() {
        return connections.get();
    }

    /** The {@code NOOP} commands passed through so far. */
    int noops() {
        return noops.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                var client = listener.accept();
                Thread.ofVirtual().name("smtp-front-connection").start(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        open.add(client);
        try (client) {
            if (shuttingDown) {
                reply(client.getOutputStream(), "421 4.3.2 Service shutting down");
                return;
            }
            connections.incrementAndGet();
            client.setTcpNoDelay(true);
            try (var server = new Socket(InetAddress.getLoopbackAddress(), backendPort.getAsInt())) {
                server.setTcpNoDelay(true);
                boolean announce = announce8BitMime;
                Thread.ofVirtual().name("smtp-front-replies").start(() -> copyReplies(server, client, announce));
                forwardCommands(client, server);
            }
        } catch (IOException e) {
            // a connection cut by either side ends here
        } finally {
            open.remove(client);
        }
    }

    /** Passes the client's lines on, and stops at the start of a new transaction while shutting down. */
    private void forwardCommands(Socket client, Socket server) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(server.getOutputStream());
        var line = new ByteArrayOutputStream(1024);
        boolean inData = false;
        boolean eightBit = false;
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b != '\n') {
                continue;
            }
            String text = line.toString(StandardCharsets.US_ASCII).strip();
            String command = text.toUpperCase(Locale.ROOT);
            if (inData) {
                inData = !text.equals(".");
            } else if (command.startsWith("MAIL FROM") && shuttingDown) {
                reply(client.getOutputStream(), "421 4.3.2 Service shutting down");
                return;
            } else if (command.startsWith("MAIL FROM")) {
                eightBit = command.endsWith(" BODY=8BITMIME");
            } else if (isRefused(text)) {
                reply(client.getOutputStream(), "550 5.1.1 Mailbox unavailable");
                line.reset();
                continue;
            } else {
                if (eightBit && command.startsWith("RCPT TO:")) {
                    eightBitRecipients.add(address(text));
                }
                inData = text.equalsIgnoreCase("DATA");
                if (text.equalsIgnoreCase("NOOP")) {
                    noops.incrementAndGet();
                }
            }
            line.writeTo(out);
            line.reset();
            if (in.available() == 0) {
                out.flush(); // one write per burst of lines, not per line
            }
        }
    }

    /** Whether a command names a refused recipient; SMTP goes in lock-step, so the answer cannot cross another. */
    private boolean isRefused(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        if (refused.isEmpty() || !upper.startsWith("RCPT TO:")) {
            return false;
        }
        String address = address(command);
        return address != null && refused.contains(address);
    }

    /** The address between angle brackets in a command, lower case, or null. */
    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        return open >= 0 && close > open ? command.substring(open + 1, close).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Passes the server's answers back; with {@code announce}, adds {@code 8BITMIME} to the extensions of the
     * answer to {@code EHLO}, after its first line.
     */
    private static void copyReplies(Socket from, Socket to, boolean announce) {
        try {
            InputStream in = new BufferedInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            var line = new ByteArrayOutputStream(256);
            boolean announced = !announce;
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                line.writeTo(out);
                if (!announced && line.toString(StandardCharsets.US_ASCII).startsWith("250-")) {
                    out.write("250-8BITMIME\r\n".getBytes(StandardCharsets.US_ASCII));
                    announced = true;
                }
                line.reset();
            }
        } catch (IOException e) {
            // the other direction closed the sockets
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
