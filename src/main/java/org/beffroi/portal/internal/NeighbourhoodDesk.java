package org.beffroi.portal.internal;

import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.portal.Media.Album;
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
@RequiredArgsConstructor
public class NeighbourhoodDesk {

    static final String SEARCH_TYPE = "neighbourhood";

    private final NeighbourhoodRepository neighbourhoods;
    private final MediaRepository media;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    /**
     * Saves a new neighbourhood (id 0) or the new state of one, with the album of its portrait (one that no
     * longer exists is simply not linked); answers its id.
     */
    @Transactional
    public long save(Neighbourhood n, Long albumId) {
        long id = n.id();
        if (id == 0) {
            id = neighbourhoods.insert(n.name(), n.description(), n.outlineGeoJson());
            audit.record("neighbourhood.created", target(id), n.name());
        } else {
            neighbourhoods.update(id, n.name(), n.description(), n.outlineGeoJson());
            audit.record("neighbourhood.changed", target(id), n.name());
        }
        neighbourhoods.setAlbum(id, albumId == null ? null : media.findAlbum(albumId).map(Album::id).orElse(null));
        announce(id);
        return id;
    }

    @Transactional
    public void delete(Neighbourhood n) {
        neighbourhoods.delete(n.id());
        audit.record("neighbourhood.deleted", target(n.id()), n.name());
        announce(n.id());
    }

    /** What the site search holds of the neighbourhoods: each one's page. */
    public Stream<SearchDocument> searchDocuments() {
        return neighbourhoods.all().stream().map(NeighbourhoodDesk::searchDocument);
    }

    static SearchDocument searchDocument(Neighbourhood n) {
        return new SearchDocument(SEARCH_TYPE, Long.toString(n.id()), n.name(),
                n.description() == null ? "" : n.description(), "/quartiers/" + n.slug(), null, n.id());
    }

    private static String target(long id) {
        return "neighbourhood:" + id;
    }

    private void announce(long id) {
        events.publishEvent(new NeighbourhoodChanged(id));
        events.publishEvent(neighbourhoods.find(id).map(n -> PublicContentChanged.published(searchDocument(n)))
                .orElseGet(() -> PublicContentChanged.withdrawn(SEARCH_TYPE, Long.toString(id))));
    }
}
