package org.beffroi.alerts.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ChangeFeed;
import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.RenderedPages;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The published alerts not ended yet, which the banner of every page and the home block read: kept in memory as
 * the portal's public pages are (ADR 0014), so that a page costs no query for them. Cleared on this node once a
 * change (an alert published, updated or ended) is committed, on another node when it reads the change feed
 * (ADR 0033). What is shown is filtered against the clock when read, so an alert appears at its start and leaves at
 * its end on time.
 */
@Component
@RequiredArgsConstructor
class UnendedAlerts {

    private final Cache<Boolean, List<Alert>> alerts = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final RenderedPages pages;
    private final ChangeFeed feed;

    List<Alert> get(Supplier<List<Alert>> load) {
        return alerts.get(Boolean.TRUE, key -> load.get());
    }

    /** An alert was published, updated or ended: forget the list once the change is committed. */
    void changed() {
        feed.recordMemoryChange(); // for the other nodes: an alert that ends announces no PublicContentChanged
        AfterCommit.run(() -> {
            alerts.invalidateAll();
            pages.clear(); // the banner is on every page kept for visitors
        });
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        alerts.invalidateAll(); // the pages kept for visitors are cleared after every listener
    }
}
