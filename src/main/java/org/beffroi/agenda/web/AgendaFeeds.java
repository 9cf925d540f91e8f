package org.beffroi.agenda.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Category;
import org.beffroi.platform.Commune;
import org.beffroi.platform.Feed;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every agenda page advertises the iCalendar feed with {@code <link rel="alternate">}; a page filtered by
 * category advertises that category's feed too, for calendar applications that discover feeds.
 */
@ControllerAdvice(assignableTypes = {AgendaController.class, AgendaViewsController.class})
@RequiredArgsConstructor
class AgendaFeeds {

    private final Commune commune;
    private final MessageSource messages;

    @ModelAttribute("feeds")
    List<Feed> feeds(@RequestParam(name = "categorie", required = false) String slug, Locale locale) {
        String name = commune.settings().name();
        var feeds = new ArrayList<Feed>();
        feeds.add(new Feed("text/calendar", "/agenda.ics", name + " – agenda (iCalendar)"));
        // an unknown category is the controller's 404; here it only adds nothing
        Category.fromSlug(slug).ifPresent(c -> feeds.add(new Feed("text/calendar", "/agenda.ics?categorie=" + c.slug(),
                name + " – agenda, " + messages.getMessage(c.messageKey(), null, locale) + " (iCalendar)")));
        return feeds;
    }
}
