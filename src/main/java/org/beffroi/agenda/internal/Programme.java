package org.beffroi.agenda.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Event;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and removing events. Every event of the agenda is public: each change tells the
 * site search, in the same transaction, so that the search follows only what was committed.
 */
@Service
@RequiredArgsConstructor
public class Programme {

    static final String SEARCH_TYPE = "event";

    private final EventRepository events;
    private final ApplicationEventPublisher publisher;
    private final AuditLog audit;

    @Transactional
    public long create(Event event) {
        long id = events.insert(event);
        audit.record("event.created", "event:" + id, event.title());
        publisher.publishEvent(PublicContentChanged.published(searchDocument(events.find(id).orElseThrow())));
        return id;
    }

    @Transactional
    public void update(Event event) {
        events.update(event);
        audit.record("event.changed", "event:" + event.id(), event.title());
        publisher.publishEvent(PublicContentChanged.published(searchDocument(events.find(event.id()).orElseThrow())));
    }

    @Transactional
    public void delete(Event event) {
        long id = event.id();
        events.delete(id);
        audit.record("event.deleted", "event:" + id, event.title());
        publisher.publishEvent(PublicContentChanged.withdrawn(SEARCH_TYPE, Long.toString(id)));
    }

    /** What the site search holds of an event: the same for a single change and for a full rebuild. */
    public static SearchDocument searchDocument(Event e) {
        return new SearchDocument(SEARCH_TYPE, Long.toString(e.id()), e.title(), e.description() + "\n" + e.place(),
                "/agenda/" + e.id(), e.startsAt(), e.neighbourhoodId());
    }
}
