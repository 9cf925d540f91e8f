package org.beffroi.portal.internal;

import java.util.Date;
import java.util.List;

import org.beffroi.portal.Media.Episode;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** The commune's podcast as an RSS 2.0 feed: one item per episode, its audio file as the enclosure. */
@Component
public class PodcastFeed {

    public String write(String communeName, List<Episode> episodes, String baseUrl) {
        var feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(communeName + " – podcast");
        feed.setLink(baseUrl + "/photos-videos/podcasts");
        feed.setDescription("Les épisodes du podcast de " + communeName + ".");
        feed.setLanguage("fr");
        feed.setPublishedDate(episodes.stream().map(Episode::publishedAt).max(java.util.Comparator.naturalOrder())
                .map(Date::from).orElse(null));
        feed.setEntries(episodes.stream().map(e -> entry(e, baseUrl)).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the podcast feed could not be written", e);
        }
    }

    private static SyndEntry entry(Episode episode, String baseUrl) {
        var entry = new SyndEntryImpl();
        entry.setTitle(episode.title());
        entry.setLink(baseUrl + "/photos-videos/podcasts#episode-" + episode.id());
        entry.setUri(baseUrl + "/photos-videos/podcasts#episode-" + episode.id());
        entry.setPublishedDate(Date.from(episode.publishedAt()));
        if (episode.description() != null) {
            var description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(episode.description());
            entry.setDescription(description);
        }
        var enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(baseUrl + "/fichiers/" + episode.fileId());
        enclosure.setType(episode.contentType());
        enclosure.setLength(episode.sizeBytes());
        entry.setEnclosures(List.of(enclosure));
        return entry;
    }
}
