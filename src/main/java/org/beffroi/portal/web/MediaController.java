package org.beffroi.portal.web;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.Feed;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicAddress;
import org.beffroi.portal.internal.MediaRepository;
import org.beffroi.portal.internal.PodcastFeed;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The media library for residents: albums, videos, the podcast and its RSS feed. */
@Controller
@RequiredArgsConstructor
class MediaController {

    private final MediaRepository media;
    private final PodcastFeed podcastFeed;
    private final Commune commune;
    private final PublicAddress publicAddress;

    @GetMapping("/photos-videos")
    String library(Model model) {
        model.addAttribute("albums", media.findAlbums(true));
        model.addAttribute("videos", media.findVideos());
        model.addAttribute("episodes", media.findEpisodes().stream().limit(3).toList());
        model.addAttribute("feeds", feeds());
        return "portal/media";
    }

    @GetMapping("/photos-videos/albums/{slug}")
    String album(@PathVariable String slug, Model model) {
        model.addAttribute("albumItem", media.findPublishedAlbum(slug).orElseThrow(NotFoundException::new));
        return "portal/album";
    }

    @GetMapping("/photos-videos/podcasts")
    String podcasts(Model model) {
        model.addAttribute("episodes", media.findEpisodes());
        model.addAttribute("feeds", feeds());
        return "portal/podcasts";
    }

    @GetMapping("/podcasts.rss")
    ResponseEntity<String> podcastRss() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
                .body(podcastFeed.write(commune.settings().name(), media.findEpisodes(), publicAddress.base()));
    }

    private List<Feed> feeds() {
        return List.of(new Feed("application/rss+xml", "/podcasts.rss", commune.settings().name() + " – podcast (RSS)"));
    }
}
