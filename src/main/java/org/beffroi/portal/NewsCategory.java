package org.beffroi.portal;

import java.util.Locale;

/** The headings residents look for news under. */
public enum NewsCategory {
    COMMUNE_LIFE, WORKS, SCHOOLS, CULTURE, SPORT, SOLIDARITY, ENVIRONMENT, COUNCIL;

    public String messageKey() {
        return "news.category." + name().toLowerCase(Locale.ROOT);
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<NewsCategory> ofSlug(String slug) {
        for (var category : values()) {
            if (category.slug().equals(slug)) {
                return java.util.Optional.of(category);
            }
        }
        return java.util.Optional.empty();
    }
}
