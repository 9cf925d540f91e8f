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
}
