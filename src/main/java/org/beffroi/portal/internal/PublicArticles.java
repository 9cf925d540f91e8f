package org.beffroi.portal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.beffroi.platform.ChangedOnAnotherNode;
import org.beffroi.platform.RenderedPages;
import org.beffroi.portal.Article.Kind;
import org.beffroi.portal.Article;
import org.beffroi.portal.ArticleChanged;
import org.beffroi.portal.internal.ArticleRepository.NewsFilter;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The articles anonymous visitors read most, from memory (ADR 0014): each public news item and page by
 * its slug, and the latest news of the home page. Cleared once a change of an article is committed on
 * this node; on other nodes an entry lives {@link #TIME_TO_LIVE} at most. What is not public is never
 * kept, and the latest news are read again at the next scheduled publication, so a scheduled article
 * appears at its time.
 */
@Service
public class PublicArticles implements org.beffroi.portal.News {

    /** How long another node's change may take to show here. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private record BySlug(Kind kind, String slug) {
    }

    private final ArticleRepository articles;
    private final Clock clock;
    private final PublicCache<BySlug, Article> bySlug;
    private final PublicCache<Integer, List<Article>> latestNews;

    PublicArticles(ArticleRepository articles, Clock clock, RenderedPages pages) {
        this.articles = articles;
        this.clock = clock;
        this.bySlug = new PublicCache<>(TIME_TO_LIVE, 10_000, pages);
        this.latestNews = new PublicCache<>(TIME_TO_LIVE, 100, pages);
    }

    public Optional<Article> find(Kind kind, String slug) {
        Instant now = clock.instant();
        return Optional.ofNullable(bySlug.get(new BySlug(kind, slug), now,
                () -> PublicCache.Loaded.untilChanged(articles.findPublic(kind, slug, now).orElse(null))))
                .filter(article -> article.isPublicAt(now));
    }

    /** The latest public news, kept until the next scheduled publication at most. */
    public List<Article> latestNews(int count) {
        Instant now = clock.instant();
        return latestNews.get(count, now, () -> new PublicCache.Loaded<>(
                articles.findPublicNews(NewsFilter.none(), now, 0, count),
                articles.nextScheduledPublication(now).orElse(Instant.MAX)));
    }

    @Override
    public List<Article> latestPublished(int limit) {
        return latestNews(limit);
    }

    @EventListener
    void on(ArticleChanged change) {
        AfterCommit.run(() -> {
            bySlug.clear();
            latestNews.clear();
        });
    }

    @EventListener(ChangedOnAnotherNode.class)
    void changedOnAnotherNode() {
        bySlug.clear();
        latestNews.clear();
    }
}
