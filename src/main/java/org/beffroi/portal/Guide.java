package org.beffroi.portal;

import java.util.List;

/** A guide for a moment of life or an audience, gathering links to what the site holds for it. */
public record Guide(long id, String title, String slug, String intro, int position, boolean published,
        List<Link> links) {

    public Guide {
        links = List.copyOf(links);
    }

    public record Link(long id, String label, String url, String note, int position) {
    }

    public String url() {
        return "/guides/" + slug;
    }
}
