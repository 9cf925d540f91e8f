package org.beffroi.family.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.NewsletterSection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * « Menu de la cantine » in the newsletter: the week's published menu, a line a day (« Lundi 7 décembre : … »).
 * An issue assembled on a Saturday or a Sunday carries the next week's. Plain text: the newsletter escapes it.
 */
@Component
@RequiredArgsConstructor
class MenuNewsletterSection implements NewsletterSection {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", FRENCH);

    private final Menus menus;
    private final MessageSource messages;

    @Override
    public Optional<Content> forIssue(LocalDate day) {
        LocalDate monday = Menus.mondayOf(day.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()
                ? day.plusWeeks(1) : day);
        return menus.week(monday).filter(w -> !w.days().isEmpty()).map(w -> new Content(
                messages.getMessage("family.canteen.title", null, FRENCH),
                w.days().stream().map(d -> messages.getMessage("family.newsletter.day",
                        new Object[] {capitalised(DAY.format(d.date())), String.join(", ", d.dishes())}, FRENCH))
                        .toList(),
                "/cantine?semaine=" + monday));
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(FRENCH) + s.substring(1);
    }
}
