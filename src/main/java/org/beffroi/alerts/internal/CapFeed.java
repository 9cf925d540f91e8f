package org.beffroi.alerts.internal;

import java.util.Date;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.internal.CapDocuments.CapMessage;
import org.beffroi.platform.Commune;
import org.beffroi.platform.PublicAddress;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * The alerts as an Atom 1.0 feed whose entries each link to one CAP message (the "CAP index" way of
 * publishing warnings): the first message of an alert, its updates, its end.
 */
@Component
@RequiredArgsConstructor
public class CapFeed {

    public static final String PATH = "/alertes.atom";

    private final CapDocuments documents;
    private final Commune commune;
    private final PublicAddress publicAddress;

    public String write() {
        List<CapMessage> messages = documents.recent(50);
        String name = commune.settings().name();
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(name + " – alertes (CAP)");
        feed.setUri(publicAddress.of(PATH));
        feed.setLinks(List.of(link("alternate", "text/html", publicAddress.of("/alertes")),
                link("self", "application/atom+xml", publicAddress.of(PATH))));
        var author = new SyndPersonImpl();
        author.setName(name);
        author.setUri(publicAddress.base());
        feed.setAuthors(List.of(author));
        feed.setLanguage("fr");
        feed.setPublishedDate(messages.stream().map(CapMessage::sent).max(java.util.Comparator.naturalOrder())
                .map(Date::from).orElseGet(Date::new));
        feed.setEntries(messages.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the alerts feed could not be written", e);
        }
    }

    private SyndEntry entry(CapMessage message) {
        var entry = new SyndEntryImpl();
        entry.setTitle(message.title());
        entry.setUri("tag:" + publicAddress.host() + ",2026:" + documents.identifier(message));
        entry.setLinks(List.of(link("alternate", CapDocuments.MEDIA_TYPE, documents.url(message)),
                link("related", "text/html", publicAddress.of("/alertes/" + message.alert().id()))));
        entry.setLink(documents.url(message));
        entry.setPublishedDate(Date.from(message.sent()));
        entry.setUpdatedDate(Date.from(message.sent()));
        var summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(message.body());
        entry.setDescription(summary);
        var category = new com.rometools.rome.feed.synd.SyndCategoryImpl();
        category.setName(message.msgType());
        entry.setCategories(List.of(category));
        return entry;
    }

    private static SyndLink link(String rel, String type, String href) {
        var link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
