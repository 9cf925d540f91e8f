package org.beffroi.portal.internal;

import java.util.stream.Stream;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.NeighbourhoodChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where neighbourhoods change. Each change is audited and announced in its transaction: to the caches
 * ({@link NeighbourhoodChanged}) and to the site search, which holds the neighbourhood's own page under its
 * name and address. Other content names its neighbourhood by id only, and the search names the ids when it
 * answers, so a rename or a removal changes nothing else in the index (ADR 0031).
 */
@Service
public class NeighbourhoodDesk {

    static final String SEARCH_TYPE = "neighbourhood";

    private final NeighbourhoodRepository neighbourhoods;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    NeighbourhoodDesk(NeighbourhoodRepository neighbourhoods, AuditLog audit, ApplicationEventPublisher events) {
        this.neighbourhoods = neighbourhoods;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public long create(String name, String description, String outline, Long albumId) {
        long id = neighbourhoods.insert(name, description, outline);
        neighbourhoods.setAlbum(id, albumId);
        audit.record("neighbourhood.created", "neighbourhood:" + id, name);
        announce(id);
        return id;
    }

    @Transactional
    public void update(long id, String name, String description, String outline, Long albumId) {
        neighbourhoods.update(id, name, description, outline);
        neighbourhoods.setAlbum(id, albumId);
        audit.record("neighbourhood.changed", "neighbourhood:" + id, name);
        announce(id);
    }

    @Transactional
    public void delete(long id, String name) {
        neighbourhoods.delete(id);
        audit.record("neighbourhood.deleted", "neighbourhood:" + id, name);
        announce(id);
    }

    /** What the site search holds of the neighbourhoods: each one's page. */
    public Stream<SearchDocument> searchDocuments() {
        return neighbourhoods.all().stream().map(NeighbourhoodDesk::searchDocument);
    }

    static SearchDocument searchDocument(Neighbourhood n) {
        return new SearchDocument(SEARCH_TYPE, Long.toString(n.id()), n.name(),
                n.description() == null ? "" : n.description(), "/quartiers/" + n.slug(), null, n.id());
    }

    private void announce(long id) {
        events.publishEvent(new NeighbourhoodChanged(id));
        events.publishEvent(neighbourhoods.find(id).map(n -> PublicContentChanged.published(searchDocument(n)))
                .orElseGet(() -> PublicContentChanged.withdrawn(SEARCH_TYPE, Long.toString(id))));
    }
}
