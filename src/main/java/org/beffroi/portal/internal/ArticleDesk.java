package org.beffroi.portal.internal;

import java.time.Clock;
import java.util.Objects;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.StoredFile;
import org.beffroi.platform.Text;
import org.beffroi.portal.Article;
import org.beffroi.portal.ArticleChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where articles are saved: every change of their text keeps a revision, every change of what the public
 * sees is announced (search index, caches) once the transaction commits.
 */
@Service
@RequiredArgsConstructor
public class ArticleDesk {

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Saves a new article (id 0) or a new state of one; answers its id. A new article without an address gets
     * one made from its title, which never changes, so that links to it keep working.
     */
    @Transactional
    public long save(Article article, Long authorId, String authorName) {
        return save(article, java.util.List.of(), authorId, authorName);
    }

    /** As {@link #save(Article, Long, String)}, and attaches the files sent from the form (not twice). */
    @Transactional
    public long save(Article article, java.util.List<StoredFile> attachments, Long authorId, String authorName) {
        long id;
        if (article.id() == 0) {
            id = articles.insert(article.slug() != null ? article : article.withSlug(freeSlug(article)));
            audit.record("article.created", target(article.kind(), id), article.title());
        } else {
            id = article.id();
            articles.update(article);
            audit.record("article.changed", target(article.kind(), id), article.status().name());
        }
        keepRevision(id, article.title(), article.summary(), article.body(), authorId, authorName);
        var attached = articles.findFiles(id).stream().map(ArticleRepository.ArticleFile::fileId).toList();
        attachments.stream().filter(file -> !attached.contains(file.id())).forEach(file -> attach(id, file));
        announce(articles.find(id).orElseThrow());
        return id;
    }

    /** Puts back the text of an earlier revision, as a new revision: nothing is ever lost. */
    @Transactional
    public void restore(long articleId, int number, Long authorId, String authorName) {
        Article article = articles.find(articleId).orElseThrow(NotFoundException::new);
        Revision revision = articles.findRevision(articleId, number).orElseThrow(NotFoundException::new);
        articles.update(new Article(article.id(), article.kind(), revision.title(), article.slug(), revision.summary(),
                revision.body(), article.status(), article.publishedAt(), article.category(), article.parentId(),
                article.position(), article.neighbourhoodId(), article.coverFileId(), article.coverAlt(),
                article.createdAt(), article.updatedAt()));
        keepRevision(articleId, revision.title(), revision.summary(), revision.body(), authorId, authorName);
        audit.record("article.restored", target(article.kind(), articleId), "revision " + number);
        announce(articles.find(articleId).orElseThrow());
    }

    /** An image or a PDF the article links to. */
    @Transactional
    public void attach(long articleId, StoredFile file) {
        articles.addFile(articleId, file.id(), file.filename());
        audit.record("article.file-added", target(articles.find(articleId).orElseThrow().kind(), articleId),
                file.filename());
    }

    @Transactional
    public void delete(long articleId) {
        Article article = articles.find(articleId).orElseThrow(NotFoundException::new);
        articles.delete(articleId);
        audit.record("article.deleted", target(article.kind(), articleId), article.title());
        events.publishEvent(PublicContentChanged.withdrawn(article.kind().searchType(), Long.toString(articleId)));
        events.publishEvent(new ArticleChanged(articleId));
    }

    /** Marks as published the scheduled articles whose time has come; answers how many. */
    @Transactional
    public int publishDue() {
        int published = 0;
        for (long id : articles.scheduledAndDue(clock.instant())) {
            if (articles.markPublished(id)) {
                announce(articles.find(id).orElseThrow());
                published++;
            }
        }
        return published;
    }

    public static SearchDocument searchDocument(Article article) {
        String text = (article.summary() == null ? "" : article.summary() + "\n\n") + java.util.Objects.toString(article.body(), "");
        return new SearchDocument(article.kind().searchType(), Long.toString(article.id()), article.title(), text,
                article.url(), article.publishedAt(), article.neighbourhoodId());
    }

    private void keepRevision(long id, String title, String summary, String body, Long authorId, String authorName) {
        var last = articles.findRevisions(id).stream().findFirst();
        boolean unchanged = last.filter(r -> r.title().equals(title) && Objects.equals(r.summary(), summary)
                && r.body().equals(body)).isPresent();
        if (!unchanged) {
            articles.addRevision(id, title, summary, body, authorId, authorName);
        }
    }

    private void announce(Article article) {
        events.publishEvent(article.isPublicAt(clock.instant())
                ? PublicContentChanged.published(searchDocument(article))
                : PublicContentChanged.withdrawn(article.kind().searchType(), Long.toString(article.id())));
        events.publishEvent(new ArticleChanged(article.id()));
    }

    private String freeSlug(Article article) {
        Article.Kind kind = article.kind();
        return Text.freeSlug(article.title(), kind == Article.Kind.NEWS ? "actualite" : "page",
                slug -> articles.existsSlug(kind, slug, null));
    }

    private static String target(Article.Kind kind, long id) {
        return kind.searchType() + ":" + id;
    }
}
