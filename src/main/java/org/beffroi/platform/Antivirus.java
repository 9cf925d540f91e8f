package org.beffroi.platform;

import java.io.InputStream;
import java.time.Duration;

/**
 * Scans content for viruses. The platform's is ClamAV's daemon, {@code clamd}, reached over TCP
 * ({@code beffroi.antivirus.clamd-host}, {@code beffroi.antivirus.clamd-port}); when none is configured, or it does not
 * answer, or answers an error, the verdict is {@link ScanVerdict.Unavailable}: whoever asked keeps the file unserved
 * and asks again later (fail closed).
 */
public interface Antivirus {

    /**
     * Reads the content to its end (it does not close it) and says what the antivirus found, within the configured
     * time ({@code beffroi.antivirus.scan-timeout}); never throws.
     */
    ScanVerdict scan(InputStream content);

    /** The same, given up ({@link ScanVerdict.Unavailable}) after {@code within} if that is sooner. */
    default ScanVerdict scan(InputStream content, Duration within) {
        return scan(content);
    }
}
