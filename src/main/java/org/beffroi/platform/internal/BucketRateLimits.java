package org.beffroi.platform.internal;

import java.time.Duration;

import org.beffroi.platform.RateLimits;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

@Service
class BucketRateLimits implements RateLimits {

    /** Idle buckets are dropped after an hour, so the map stays small under a spray of addresses. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    @Override
    public boolean tryConsume(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    @Override
    public boolean isExhausted(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).getAvailableTokens() < 1;
    }

    @Override
    public void giveBack(String key, int capacity, Duration period) {
        bucket(key, capacity, period).addTokens(1);
    }

    private Bucket bucket(String key, int capacity, Duration period) {
        return buckets.get(key + "|" + capacity + "|" + period, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                .build());
    }
}
