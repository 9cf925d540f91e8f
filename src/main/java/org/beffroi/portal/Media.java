package org.beffroi.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The media library's items: photo albums, videos by link, podcast episodes. */
public final class Media {

    private Media() {
    }

    public record Album(long id, String title, String slug, String description, boolean published, Instant createdAt,
            List<Photo> photos) {

        public Album {
            photos = List.copyOf(photos);
        }

        public String url() {
            return "/photos-videos/albums/" + slug;
        }
    }

    /** A photo and its thumbnail; {@code alt} says what it shows, for those who cannot see it. */
    public record Photo(long id, long albumId, UUID fileId, UUID thumbnailFileId, String alt, String caption,
            int position) {
    }

    /** A video hosted elsewhere, linked (never embedded: no third-party player runs in the commune's pages). */
    public record Video(long id, String title, String url, String description, Instant publishedAt) {
    }

    /** A podcast episode; its transcript makes it accessible to deaf and hard-of-hearing residents. */
    public record Episode(long id, String title, String description, UUID fileId, String contentType, long sizeBytes,
            String transcript, Instant publishedAt) {
    }
}
