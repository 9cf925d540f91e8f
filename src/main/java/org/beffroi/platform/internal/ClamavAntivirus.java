package org.beffroi.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.beffroi.platform.Antivirus;
import org.beffroi.platform.ScanVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ClamAV's daemon over TCP, with its {@code INSTREAM} command (clamd(8)): {@code zINSTREAM\0}, then the content in
 * chunks, each preceded by its length on four bytes in network order, then a chunk of length 0; clamd answers
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code <reason> ERROR}, ended by {@code \0}. clamd refuses a
 * stream longer than its {@code StreamMaxLength} (25 MB by default) with an error: the verdict is then
 * {@link ScanVerdict.Unavailable}, as for any error, a timeout or no host configured. A scan has a deadline as a whole:
 * a daemon that takes the connection and then neither reads nor answers has its connection closed at the deadline,
 * so that no thread waits for ever.
 */
@Component
class ClamavAntivirus implements Antivirus {

    private static final Logger log = LoggerFactory.getLogger(ClamavAntivirus.class);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ANSWER = 4096;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration scanTimeout;

    ClamavAntivirus(@Value("${beffroi.antivirus.clamd-host:}") String host,
            @Value("${beffroi.antivirus.clamd-port:3310}") int port,
            @Value("${beffroi.antivirus.connect-timeout:2s}") Duration connectTimeout,
            @Value("${beffroi.antivirus.scan-timeout:60s}") Duration scanTimeout) {
        this.host = host == null ? "" : host.strip();
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.scanTimeout = scanTimeout;
        if (this.host.isEmpty()) {
            log.warn("No antivirus configured (BEFFROI_ANTIVIRUS_CLAMD_HOST): residents' attachments stay pending, unserved");
        }
    }

    @Override
    public ScanVerdict scan(InputStream content) {
        return scan(content, scanTimeout);
    }

    @Override
    public ScanVerdict scan(InputStream content, Duration within) {
        if (host.isEmpty()) {
            return new ScanVerdict.Unavailable("no antivirus configured (beffroi.antivirus.clamd-host)");
        }
        Duration timeout = within.compareTo(scanTimeout) < 0 ? within : scanTimeout;
        var socket = new Socket();
        var deadline = new AtomicBoolean();
        // a write to a daemon that no longer reads blocks with no timeout of its own: closed from outside
        var watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
                deadline.set(true);
                socket.close();
            } catch (InterruptedException | IOException e) {
                // finished in time
            }
        });
        try (socket) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(connectTimeout.toMillis(), timeout.toMillis()));
            socket.setSoTimeout((int) timeout.toMillis());
            var out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            int read;
            try {
                while ((read = content.read(buffer)) > 0) {
                    out.writeInt(read);
                    out.write(buffer, 0, read);
                }
                out.writeInt(0);
                out.flush();
            } catch (IOException e) {
                // clamd closes the connection when the stream passes its limit: its answer says why
                if (!(e instanceof java.net.SocketException)) {
                    throw e;
                }
            }
            return verdict(answer(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            String reason = deadline.get() ? "no answer within " + timeout : e.toString();
            log.warn("Antivirus {}:{} unavailable: {}", host, port, reason);
            return new ScanVerdict.Unavailable(reason);
        } finally {
            watchdog.interrupt();
        }
    }

    private static String answer(InputStream in) throws IOException {
        var answer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && answer.size() < MAX_ANSWER) {
            answer.write(b);
        }
        return answer.toString(StandardCharsets.UTF_8).strip();
    }

    static ScanVerdict verdict(String answer) {
        if (answer.equals("stream: OK")) {
            return new ScanVerdict.Clean();
        }
        if (answer.startsWith("stream: ") && answer.endsWith(" FOUND")) {
            return new ScanVerdict.Infected(answer.substring("stream: ".length(), answer.length() - " FOUND".length()));
        }
        log.warn("Antivirus answered an error: {}", answer);
        return new ScanVerdict.Unavailable(answer.isEmpty() ? "no answer" : answer);
    }
}
