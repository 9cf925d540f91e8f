package org.beffroi.portal.admin;

import org.beffroi.portal.Media.Album;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The media library's forms. */
final class MediaForms {

    private MediaForms() {
    }

    public static class AlbumForm {

        @NotBlank
        @Size(max = 200)
        private String title;

        @Size(max = 2000)
        private String description;

        private boolean published;

        static AlbumForm of(Album album) {
            var form = new AlbumForm();
            form.title = album.title();
            form.description = album.description();
            form.published = album.published();
            return form;
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public boolean isPublished() { return published; }
        public void setPublished(boolean published) { this.published = published; }
    }

    public static class VideoForm {

        @NotBlank
        @Size(max = 200)
        private String title;

        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = "^https://\\S+$")
        private String url;

        @Size(max = 2000)
        private String description;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    public static class EpisodeForm {

        @NotBlank
        @Size(max = 200)
        private String title;

        @Size(max = 4000)
        private String description;

        @Size(max = 200_000)
        private String transcript;

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getTranscript() { return transcript; }
        public void setTranscript(String transcript) { this.transcript = transcript; }
    }
}
