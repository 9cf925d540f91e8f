package org.beffroi.agenda;

/** What kind of event, for filters and feeds. */
public enum Category {
    CULTURE, SPORT, CITIZENSHIP, TRAINING, CHILDREN, SENIORS, MARKET, OTHER;

    public String messageKey() {
        return "agenda.category." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The category of an address's slug; empty for none or an unknown one. */
    public static java.util.Optional<Category> fromSlug(String slug) {
        return java.util.Arrays.stream(values()).filter(c -> c.slug().equals(slug)).findFirst();
    }
}
