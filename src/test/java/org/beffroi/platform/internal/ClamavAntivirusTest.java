package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.time.Duration;

import org.beffroi.platform.ScanVerdict;
import org.beffroi.testing.Clamd;
import org.junit.jupiter.api.Test;

/** The clamd client on its own: a real clamd's answers, and every way of not getting one. */
class ClamavAntivirusTest {

    private static ClamavAntivirus at(String host, int port) {
        return new ClamavAntivirus(host, port, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Test
    void withoutAClamdConfiguredTheVerdictIsUnavailable() {
        assertThat(at("", 3310).scan(new ByteArrayInputStream(Clamd.eicar())))
                .isInstanceOfSatisfying(ScanVerdict.Unavailable.class,
                        verdict -> assertThat(verdict.reason()).contains("beffroi.antivirus.clamd-host"));
    }

    @Test
    void aClampdThatDoesNotAnswerGivesUnavailable() {
        assertThat(Clamd.answersPing()).isFalse();
        assertThat(at("127.0.0.1", Clamd.port()).scan(new ByteArrayInputStream(Clamd.eicar())))
                .isInstanceOf(ScanVerdict.Unavailable.class);
    }

    @Test
    void aRealClamdFindsEicarAndPassesTheRest() {
        try (var clamd = Clamd.start()) {
            var antivirus = at("127.0.0.1", Clamd.port());
            assertThat(antivirus.scan(new ByteArrayInputStream(Clamd.eicar())))
                    .isEqualTo(new ScanVerdict.Infected(Clamd.SIGNATURE));
            assertThat(antivirus.scan(new ByteArrayInputStream("Bonjour".getBytes()))).isEqualTo(new ScanVerdict.Clean());
            // more than one chunk of the protocol
            assertThat(antivirus.scan(new SequenceInputStream(new ByteArrayInputStream(new byte[200_000]),
                    new ByteArrayInputStream(new byte[10])))).isEqualTo(new ScanVerdict.Clean());
            assertThat(antivirus.scan(new ByteArrayInputStream(new byte[0]))).isEqualTo(new ScanVerdict.Clean());
        }
    }

    @Test
    void aDaemonThatTakesTheConnectionButNeitherReadsNorAnswersIsGivenUpAtTheDeadline() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var held = new java.util.concurrent.CopyOnWriteArrayList<java.net.Socket>();
            Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept()); // taken, never read: the sender's buffers fill, then its writes block
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            var antivirus = new ClamavAntivirus("127.0.0.1", silent.getLocalPort(), Duration.ofSeconds(2),
                    Duration.ofSeconds(60));
            var endless = new java.io.InputStream() {
                @Override
                public int read() {
                    return 0;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return length; // zeros, for ever
                }
            };
            long start = System.nanoTime();
            assertThat(antivirus.scan(endless, Duration.ofSeconds(1))).isInstanceOfSatisfying(ScanVerdict.Unavailable.class,
                    verdict -> assertThat(verdict.reason()).isEqualTo("no answer within PT1S"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            for (var socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void clamdsAnswersAreRead() {
        assertThat(ClamavAntivirus.verdict("stream: OK")).isEqualTo(new ScanVerdict.Clean());
        assertThat(ClamavAntivirus.verdict("stream: Win.Test.EICAR_HDB-1 FOUND"))
                .isEqualTo(new ScanVerdict.Infected("Win.Test.EICAR_HDB-1"));
        assertThat(ClamavAntivirus.verdict("INSTREAM size limit exceeded. ERROR"))
                .isEqualTo(new ScanVerdict.Unavailable("INSTREAM size limit exceeded. ERROR"));
    }
}
