package org.beffroi.portal.internal;

import java.util.Date;
import java.util.List;

import org.beffroi.platform.RichText;
import org.beffroi.portal.Article;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** The latest news as an Atom 1.0 feed (RFC 4287), for feed readers and other sites. */
@Component
public class NewsFeed {

    public String write(String communeName, List<Article> news, String baseUrl) {
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(communeName + " – actualités");
        feed.setLink(baseUrl + "/actualites");
        feed.setUri(baseUrl + "/actualites");
        var self = new SyndLinkImpl();
        self.setRel("self");
        self.setType("application/atom+xml");
        self.setHref(baseUrl + "/actualites.atom");
        var alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(baseUrl + "/actualites");
        feed.setLinks(List.of(alternate, self));
        var commune = new SyndPersonImpl();
        commune.setName(communeName);
        commune.setUri(baseUrl);
        feed.setAuthors(List.of(commune));
        feed.setLanguage("fr");
        // an empty feed still says when it was last looked at, as Atom requires an updated date
        feed.setPublishedDate(news.stream().map(a -> a.updatedAt()).max(java.util.Comparator.naturalOrder())
                .map(Date::from).orElseGet(Date::new));
        feed.setEntries(news.stream().map(a -> entry(a, baseUrl)).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the news feed could not be written", e);
        }
    }

    private static SyndEntry entry(Article article, String baseUrl) {
        var entry = new SyndEntryImpl();
        entry.setTitle(article.title());
        entry.setLink(baseUrl + article.url());
        entry.setUri("tag:" + java.net.URI.create(baseUrl).getHost() + ",2026:news:" + article.id());
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt()
                : article.publishedAt()));
        if (article.summary() != null) {
            var summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(article.summary());
            entry.setDescription(summary);
        }
        var content = new SyndContentImpl();
        content.setType("html");
        content.setValue(RichText.toHtml(article.body()));
        entry.setContents(List.of(content));
        if (article.category() != null) {
            var category = new SyndCategoryImpl();
            category.setName(article.category().slug());
            entry.setCategories(List.of(category));
        }
        return entry;
    }
}
