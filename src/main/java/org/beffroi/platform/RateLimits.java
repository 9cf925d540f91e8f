package org.beffroi.platform;

import java.time.Duration;

/** Token buckets held in memory per node, keyed by what is being limited (an IP, an account). */
public interface RateLimits {

    /** Takes one token from the bucket named {@code key}; false when the bucket is empty. */
    boolean tryConsume(String key, int capacity, Duration period);
}
