package org.beffroi.search;

/**
 * What a person asks: free text (never read as a query language) and optional facet filters.
 *
 * @param text            the words typed, any text at all (cut at {@link #MAX_TEXT_LENGTH})
 * @param type            only this type of content, or null
 * @param period          only content whose date falls in this period, or null
 * @param neighbourhoodId only content of this neighbourhood, or null
 * @param page            page number, from 0
 * @param size            results per page
 */
public record SearchQuery(String text, String type, Period period, Long neighbourhoodId, int page, int size) {

    /** Beyond this, what a person typed is not a search any more: the rest is ignored, not refused. */
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_PAGE = 99;
    public static final int MAX_SIZE = 50;

    public SearchQuery {
        text = text == null ? "" : capped(text.strip());
        type = type == null || type.isBlank() ? null : type;
        page = Math.clamp(page, 0, MAX_PAGE);
        size = Math.clamp(size, 1, MAX_SIZE);
    }

    private static String capped(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
        return text.substring(0, end);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, 0, 10);
    }

    public SearchQuery page(int number) {
        return new SearchQuery(text, type, period, neighbourhoodId, number, size);
    }

    public SearchQuery type(String chosen) {
        return new SearchQuery(text, chosen, period, neighbourhoodId, page, size);
    }

    public SearchQuery period(Period chosen) {
        return new SearchQuery(text, type, chosen, neighbourhoodId, page, size);
    }

    public SearchQuery neighbourhood(Long chosen) {
        return new SearchQuery(text, type, period, chosen, page, size);
    }
}
