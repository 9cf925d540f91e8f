package org.beffroi.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
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
 * connection finish, answers {@code 421} to the next one (RFC 5321 §3.8) and to new connections; a session left
 * idle ends when GreenMail stops.
 * <p>
 * It announces {@code PIPELINING} (RFC 2920) and {@code 8BITMIME} (RFC 6152), as most relays do and GreenMail does
 * not, and keeps its own answers in the order of the commands when they come several at a time.
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
    /** The connections between {@code MAIL FROM} and the end of their transaction; also the lock of {@link #shuttingDown}. */
    private final Set<Socket> inTransaction = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger noops = new AtomicInteger();
    /**
     * The reads of a client's socket that brought something: one for each write of a client that waits for
     * answers between its writes, so one per round trip of its conversation.
     */
    private final AtomicInteger bursts = new AtomicInteger();
    /** Whether the relay says it takes 8-bit bodies (RFC 6152), as most do; GreenMail does not say so, but takes them. */
    private volatile boolean announce8BitMime = true;
    /** Whether the relay says it takes commands in a pipeline (RFC 2920); GreenMail does not say so, but reads them in order. */
    private volatile boolean announcePipelining = true;
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

    /**
     * Refuses new transactions and waits until none is in progress: once a mail's text has been taken, its answer
     * has reached the sender. The sessions left idle stay open until GreenMail stops.
     */
    void shutDown(Duration patience) {
        synchronized (inTransaction) {
            shuttingDown = true;
        }
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(10)).until(inTransaction::isEmpty);
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
        closeAll();
    }

    /** The same for {@code PIPELINING}. */
    void announcePipelining(boolean announce) {
        announcePipelining = announce;
        closeAll();
    }

    private void closeAll() {
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

    /** The client's bursts of lines passed through so far: one per round trip of the conversation. */
    int bursts() {
        return bursts.get();
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
                var extensions = new StringBuilder();
                if (announce8BitMime) {
                    extensions.append("250-8BITMIME\r\n");
                }
                if (announcePipelining) {
                    extensions.append("250-PIPELINING\r\n");
                }
                var answers = new Answers();
                Thread.ofVirtual().name("smtp-front-replies").start(() -> copyReplies(server, client, extensions.toString(), answers));
                forwardCommands(client, server, answers);
            }
        } catch (IOException e) {
            // a connection cut by either side ends here
        } finally {
            open.remove(client);
            inTransaction.remove(client);
        }
    }

    /**
     * How many answers of GreenMail have gone back to the client, so that an answer of the front's own waits for
     * those of the commands before it (the greeting is the first).
     */
    private static final class Answers {
        private int copied;
        private String last = "";

        synchronized void copied(String answer) {
            copied++;
            last = answer;
            notifyAll();
        }

        /** The last line of the last answer copied. */
        synchronized String last() {
            return last;
        }

        synchronized void awaitAnswers(int forwarded) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (copied < forwarded) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("GreenMail did not answer");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    /**
     * Passes the client's lines on, and stops at the start of a new transaction while shutting down. Towards
     * GreenMail it goes in lock-step, each command after the answer to the one before, whatever the client
     * sent at once: its own answers then fall in place, and GreenMail never holds several small answers back
     * (Nagle's algorithm against delayed acknowledgements).
     */
    private void forwardCommands(Socket client, Socket server, Answers answers) throws IOException {
        InputStream in = new BufferedInputStream(new FilterInputStream(client.getInputStream()) {
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                int read = super.read(into, offset, length);
                if (read > 0) {
                    bursts.incrementAndGet();
                }
                return read;
            }
        });
        OutputStream out = new BufferedOutputStream(server.getOutputStream());
        var line = new ByteArrayOutputStream(1024);
        boolean inData = false;
        boolean eightBit = false;
        int forwarded = 1; // the greeting is answered without a command
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b != '\n') {
                continue;
            }
            String text = line.toString(StandardCharsets.US_ASCII).strip();
            String command = text.toUpperCase(Locale.ROOT);
            boolean dataLine = inData;
            if (dataLine) {
                inData = !text.equals(".");
            } else if (command.startsWith("MAIL FROM") && !beginTransaction(client)) {
                reply(client.getOutputStream(), "421 4.3.2 Service shutting down");
                // close only once the client has: closing with its pipelined commands unread would reset the
                // connection, and could take the answers it has not read yet with it
                client.shutdownOutput();
                client.setSoTimeout(5_000);
                try {
                    while (in.read() != -1) {
                        // the rest of what it sent is not taken
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // a client that does not close is left
                }
                return;
            } else if (isRefused(text)) {
                reply(client.getOutputStream(), "550 5.1.1 Mailbox unavailable");
                line.reset();
                continue;
            } else {
                if (command.startsWith("MAIL FROM")) {
                    eightBit = command.endsWith(" BODY=8BITMIME");
                }
                if (eightBit && command.startsWith("RCPT TO:")) {
                    eightBitRecipients.add(address(text));
                }
                if (text.equalsIgnoreCase("NOOP")) {
                    noops.incrementAndGet();
                }
            }
            line.writeTo(out);
            line.reset();
            if (!inData) { // a command, or the end of a mail's text: GreenMail answers it
                out.flush();
                answers.awaitAnswers(++forwarded);
                // the text follows only if GreenMail said so (354)
                inData = !dataLine && text.equalsIgnoreCase("DATA") && answers.last().startsWith("354");
                if (dataLine || command.equals("RSET") || command.equals("QUIT")
                        || (command.equals("DATA") && !inData)) {
                    inTransaction.remove(client); // the mail was answered, or there is none to answer
                }
            }
        }
    }

    /** Counts a transaction in, unless the front is shutting down. */
    private boolean beginTransaction(Socket client) {
        synchronized (inTransaction) {
            if (shuttingDown) {
                return false;
            }
            inTransaction.add(client);
            return true;
        }
    }

    /** Whether a command names a refused recipient. */
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
     * Passes the server's answers back, counting them, and adds {@code extensions} to those of the answer to
     * {@code EHLO}, after its first line.
     */
    private static void copyReplies(Socket from, Socket to, String extensions, Answers answers) {
        try {
            InputStream in = new BufferedInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            var line = new ByteArrayOutputStream(256);
            boolean announced = extensions.isEmpty();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                line.writeTo(out);
                String text = line.toString(StandardCharsets.US_ASCII);
                if (!announced && text.startsWith("250-")) {
                    out.write(extensions.getBytes(StandardCharsets.US_ASCII));
                    announced = true;
                }
                line.reset();
                if (text.length() < 4 || text.charAt(3) != '-') { // the last line of an answer
                    answers.copied(text);
                }
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
