package org.beffroi.platform;

import java.time.Instant;

/**
 * A piece of public content a module offers to the site-wide search.
 *
 * @param type           kind of content, for facets ("page", "news", "event"...)
 * @param id             stable id, unique within the type
 * @param title          title shown in results
 * @param text           text to index, in Markdown (plain text is Markdown too): the index keeps its words only
 * @param url            where the content is read
 * @param date           date that matters for the content (publication, start), may be null
 * @param neighbourhoodId neighbourhood it belongs to, may be null
 */
public record SearchDocument(String type, String id, String title, String text, String url, Instant date,
        Long neighbourhoodId) {
}
