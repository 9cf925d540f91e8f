package org.beffroi.platform;

import java.time.Duration;

/**
 * Token buckets held in memory per node, keyed by what is being limited (an IP, an account). A bucket
 * holds {@code capacity} tokens and is refilled whole at the end of each {@code period}.
 */
public interface RateLimits {

    /** Takes one token from the bucket named {@code key}; false when the bucket is empty. */
    boolean tryConsume(String key, int capacity, Duration period);

    /** Whether the bucket named {@code key} is empty, without taking anything from it. */
    boolean isExhausted(String key, int capacity, Duration period);

    /**
     * Puts back one token taken by {@link #tryConsume}: a unit reserved before the outcome was known, and the
     * outcome costs nothing (a successful sign-in). The bucket never holds more than its capacity.
     */
    void giveBack(String key, int capacity, Duration period);
}
