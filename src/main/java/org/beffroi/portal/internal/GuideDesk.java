package org.beffroi.portal.internal;

import java.time.Clock;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.Text;
import org.beffroi.portal.Article;
import org.beffroi.portal.Guide;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where guides and their links are saved: each change is audited and tells the site search, in its own
 * transaction, what the public now sees of the guide (its page while published, nothing otherwise).
 */
@Service
@RequiredArgsConstructor
public class GuideDesk {

    static final String SEARCH_TYPE = "guide";

    private final GuideRepository guides;
    private final ArticleRepository articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Saves a new guide (id 0), whose address is made once from its title, or the new text of one; answers
     * its id.
     */
    @Transactional
    public long save(Guide guide) {
        long id = guide.id();
        if (id == 0) {
            String slug = Text.freeSlug(guide.title(), "guide", guides::existsSlug);
            id = guides.insert(guide.title(), slug, guide.intro(), guide.position(), guide.published());
            audit.record("guide.created", target(id), guide.title());
        } else {
            guides.update(id, guide.title(), guide.intro(), guide.position(), guide.published());
            audit.record("guide.changed", target(id), guide.title());
        }
        announce(id);
        return id;
    }

    @Transactional
    public void delete(Guide guide) {
        guides.delete(guide.id());
        audit.record("guide.deleted", target(guide.id()), guide.title());
        announce(guide.id());
    }

    @Transactional
    public void addLink(long guideId, String label, String url, String note) {
        guides.addLink(guideId, label, url, note);
        audit.record("guide.link-added", target(guideId), url);
        announce(guideId);
    }

    /** A page or news item of the site, as it is public now: its title and address are taken as they are. */
    @Transactional
    public void addArticle(long guideId, long articleId) {
        Article article = articles.find(articleId).filter(a -> a.isPublicAt(clock.instant()))
                .orElseThrow(NotFoundException::new);
        addLink(guideId, article.title(), article.url(), article.summary());
    }

    /** 404 when the link is not one of this guide's. */
    @Transactional
    public void removeLink(long guideId, long linkId) {
        if (!guides.removeLink(guideId, linkId)) {
            throw new NotFoundException();
        }
        audit.record("guide.link-removed", target(guideId), Long.toString(linkId));
        announce(guideId);
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

    private static String target(long id) {
        return "guide:" + id;
    }

    private void announce(long id) {
        events.publishEvent(guides.find(id).filter(Guide::published)
                .map(guide -> PublicContentChanged.published(searchDocument(guide)))
                .orElseGet(() -> PublicContentChanged.withdrawn(SEARCH_TYPE, Long.toString(id))));
    }
}
