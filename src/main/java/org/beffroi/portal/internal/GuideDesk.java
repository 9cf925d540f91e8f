package org.beffroi.portal.internal;

import java.util.stream.Stream;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.portal.Guide;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where guides and their links are saved: each change is audited and tells the site search, in its own
 * transaction, what the public now sees of the guide (its page while published, nothing otherwise).
 */
@Service
public class GuideDesk {

    static final String SEARCH_TYPE = "guide";

    private final GuideRepository guides;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    GuideDesk(GuideRepository guides, AuditLog audit, ApplicationEventPublisher events) {
        this.guides = guides;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public long create(String title, String slug, String intro, int position, boolean published) {
        long id = guides.insert(title, slug, intro, position, published);
        audit.record("guide.created", "guide:" + id, title);
        announce(id);
        return id;
    }

    @Transactional
    public void update(long id, String title, String intro, int position, boolean published) {
        guides.update(id, title, intro, position, published);
        audit.record("guide.changed", "guide:" + id, title);
        announce(id);
    }

    @Transactional
    public void delete(long id, String title) {
        guides.delete(id);
        audit.record("guide.deleted", "guide:" + id, title);
        announce(id);
    }

    @Transactional
    public void addLink(long guideId, String label, String url, String note) {
        guides.addLink(guideId, label, url, note);
        announce(guideId);
    }

    /** False when the link is not one of this guide's. */
    @Transactional
    public boolean removeLink(long guideId, long linkId) {
        boolean removed = guides.removeLink(guideId, linkId);
        if (removed) {
            announce(guideId);
        }
        return removed;
    }

    /** What the site search holds of the guides: the published ones. */
    public Stream<SearchDocument> searchDocuments() {
        return guides.all().stream().filter(Guide::published).map(GuideDesk::searchDocument);
    }

    /** A guide is found by its title, its introduction and the words of its links. */
    static SearchDocument searchDocument(Guide guide) {
        var text = new StringBuilder(guide.intro() == null ? "" : guide.intro());
        guide.links().forEach(link -> {
            text.append('\n').append(link.label());
            if (link.note() != null) {
                text.append(" – ").append(link.note());
            }
        });
        return new SearchDocument(SEARCH_TYPE, Long.toString(guide.id()), guide.title(), text.toString(), guide.url(),
                null, null);
    }

    private void announce(long id) {
        events.publishEvent(guides.find(id).filter(Guide::published)
                .map(guide -> PublicContentChanged.published(searchDocument(guide)))
                .orElseGet(() -> PublicContentChanged.withdrawn(SEARCH_TYPE, Long.toString(id))));
    }
}
