package org.beffroi.platform;

/** What an {@link Antivirus} answered about some content. */
public sealed interface ScanVerdict {

    /** Nothing found. */
    record Clean() implements ScanVerdict {
    }

    /** A virus found, named as the antivirus names it ({@code Eicar-Signature}). */
    record Infected(String signature) implements ScanVerdict {
    }

    /** No answer: no antivirus configured, unreachable, too slow, or it answered an error. The content is not known clean. */
    record Unavailable(String reason) implements ScanVerdict {
    }
}
