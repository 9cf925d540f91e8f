package org.beffroi.portal.internal;

import java.util.UUID;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.Text;
import org.beffroi.portal.Media.Album;
import org.beffroi.portal.Media.Episode;
import org.beffroi.portal.Media.Video;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the media library changes: albums and their photos, videos, podcast episodes. Each change is audited
 * and tells the site search, in its own transaction, what the public now sees: an album while it is published
 * (found by its photos' descriptions too), every video and episode (they have no draft state).
 */
@Service
@RequiredArgsConstructor
public class MediaDesk {

    static final String ALBUM = "album";
    static final String VIDEO = "video";
    static final String EPISODE = "podcast";

    private final MediaRepository media;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    /** A new album, whose address is made once from its title; answers its id. */
    @Transactional
    public long createAlbum(String title, String description, boolean published) {
        long id = media.insertAlbum(title, Text.freeSlug(title, "album", media::existsAlbumSlug), description,
                published);
        audit.record("album.created", "album:" + id, title);
        announceAlbum(id);
        return id;
    }

    @Transactional
    public void updateAlbum(long id, String title, String description, boolean published) {
        media.updateAlbum(id, title, description, published);
        audit.record("album.changed", "album:" + id, title);
        announceAlbum(id);
    }

    @Transactional
    public void deleteAlbum(long id, String title) {
        media.deleteAlbum(id);
        audit.record("album.deleted", "album:" + id, title);
        announceAlbum(id);
    }

    @Transactional
    public void addPhoto(long albumId, UUID fileId, UUID thumbnailId, String alt, String caption) {
        media.addPhoto(albumId, fileId, thumbnailId, alt, caption);
        audit.record("album.photo-added", "album:" + albumId, alt);
        announceAlbum(albumId);
    }

    /** 404 when the photo is not one of this album's. */
    @Transactional
    public void removePhoto(long albumId, long photoId) {
        found(media.removePhoto(albumId, photoId));
        audit.record("album.photo-removed", "album:" + albumId, Long.toString(photoId));
        announceAlbum(albumId);
    }

    @Transactional
    public long addVideo(String title, String url, String description) {
        long id = media.addVideo(title, url, description);
        audit.record("video.added", "video:" + id, url);
        media.findVideo(id).ifPresent(video -> events.publishEvent(PublicContentChanged.published(searchDocument(video))));
        return id;
    }

    /** 404 when there is no such video. */
    @Transactional
    public void removeVideo(long id) {
        found(media.removeVideo(id));
        audit.record("video.removed", "video:" + id, null);
        events.publishEvent(PublicContentChanged.withdrawn(VIDEO, Long.toString(id)));
    }

    @Transactional
    public long addEpisode(String title, String description, UUID fileId, String contentType, long size,
            String transcript) {
        long id = media.addEpisode(title, description, fileId, contentType, size, transcript);
        audit.record("podcast.episode-added", "episode:" + id, title);
        media.findEpisode(id).ifPresent(episode -> events.publishEvent(PublicContentChanged.published(searchDocument(episode))));
        return id;
    }

    /** 404 when there is no such episode. */
    @Transactional
    public void removeEpisode(long id) {
        found(media.removeEpisode(id));
        audit.record("podcast.episode-removed", "episode:" + id, null);
        events.publishEvent(PublicContentChanged.withdrawn(EPISODE, Long.toString(id)));
    }

    /** What the site search holds of the media library: the published albums, the videos, the episodes. */
    public Stream<SearchDocument> searchDocuments() {
        return Stream.of(media.findAlbums(true).stream().map(MediaDesk::searchDocument),
                media.findVideos().stream().map(MediaDesk::searchDocument),
                media.findEpisodes().stream().map(MediaDesk::searchDocument)).flatMap(s -> s);
    }

    /** An album is found by its title, its description and what its photos show. */
    static SearchDocument searchDocument(Album album) {
        var text = new StringBuilder(orEmpty(album.description()));
        album.photos().forEach(photo -> {
            text.append('\n').append(photo.alt());
            if (photo.caption() != null) {
                text.append(" – ").append(photo.caption());
            }
        });
        return new SearchDocument(ALBUM, Long.toString(album.id()), album.title(), text.toString(), album.url(),
                album.createdAt(), null);
    }

    /** A video is read on the media library's page, where its link leads to the site that holds it. */
    static SearchDocument searchDocument(Video video) {
        return new SearchDocument(VIDEO, Long.toString(video.id()), video.title(), orEmpty(video.description()),
                "/photos-videos#video-" + video.id(), video.publishedAt(), null);
    }

    /** An episode is found by its description and its transcript, on the podcast's page. */
    static SearchDocument searchDocument(Episode episode) {
        return new SearchDocument(EPISODE, Long.toString(episode.id()), episode.title(),
                orEmpty(episode.description()) + "\n" + orEmpty(episode.transcript()),
                "/photos-videos/podcasts#episode-" + episode.id(), episode.publishedAt(), null);
    }

    private void announceAlbum(long id) {
        events.publishEvent(media.findAlbum(id).filter(Album::published)
                .map(album -> PublicContentChanged.published(searchDocument(album)))
                .orElseGet(() -> PublicContentChanged.withdrawn(ALBUM, Long.toString(id))));
    }

    private static void found(boolean removed) {
        if (!removed) {
            throw new NotFoundException();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
