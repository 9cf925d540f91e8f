package org.beffroi.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
 * {@link ScanVerdict.Unavailable}, as for any error, a timeout or no host configured.
 */
@Component
class ClamavAntivirus implements Antivirus {

    private static final Logger log = LoggerFactory.getLogger(ClamavAntivirus.class);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ANSWER = 4096;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ClamavAntivirus(@Value("${beffroi.antivirus.clamd-host:}") String host,
            @Value("${beffroi.antivirus.clamd-port:3310}") int port,
            @Value("${beffroi.antivirus.connect-timeout:2s}") Duration connectTimeout,
            @Value("${beffroi.antivirus.read-timeout:60s}") Duration readTimeout) {
        this.host = host == null ? "" : host.strip();
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        if (this.host.isEmpty()) {
            log.warn("No antivirus configured (BEFFROI_ANTIVIRUS_CLAMD_HOST): residents' attachments stay pending, unserved");
        }
    }

    @Override
    public ScanVerdict scan(InputStream content) {
        if (host.isEmpty()) {
            return new ScanVerdict.Unavailable("no antivirus configured (beffroi.antivirus.clamd-host)");
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
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
            log.warn("Antivirus {}:{} unavailable: {}", host, port, e.toString());
            return new ScanVerdict.Unavailable(e.toString());
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
