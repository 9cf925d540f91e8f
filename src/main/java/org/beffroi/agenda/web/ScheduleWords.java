package org.beffroi.agenda.web;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.Recurrence;
import org.beffroi.platform.CommuneTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A recurring event's rule in words, with its hours: « Tous les jeudis, 8 h – 12 h », « Every Thursday,
 * 08:00 – 12:00 ». A rule the words cannot say (set positions, several ranks...) is « Se répète » with its hours.
 */
@Component
@RequiredArgsConstructor
class ScheduleWords {

    private final MessageSource messages;

    /** The words for the event's rule, or null for an event of one date. */
    String of(Event event, Locale locale) {
        var recurrence = Recurrence.of(event);
        if (recurrence.isEmpty()) {
            return null;
        }
        ZonedDateTime first = event.startsAt().atZone(CommuneTime.ZONE);
        String rule = recurrence.get().plain(event.startsAt()).map(plain -> {
            String often = switch (plain.frequency()) {
                case DAILY -> message("agenda.rule.daily", locale, plain.every());
                case WEEKLY -> message("agenda.rule.weekly", locale, days(plain.days(), locale, true), plain.every(),
                        days(plain.days(), locale, false));
                case MONTHLY -> plain.rank() == null
                        ? message("agenda.rule.monthly.date", locale, dayOfMonth(first, locale), plain.every())
                        : message("agenda.rule.monthly.weekday", locale,
                                message("agenda.rule.rank." + plain.rank(), locale), day(first.getDayOfWeek(), locale),
                                plain.every());
                default -> message("agenda.rule.yearly", locale, dayOfMonth(first, locale),
                        first.getMonth().getDisplayName(TextStyle.FULL, locale), plain.every());
            };
            if (plain.until() != null) {
                return message("agenda.rule.until", locale, often, CommuneTime.format(
                        plain.until().atTime(12, 0).atZone(CommuneTime.ZONE).toInstant(), CommuneTime.DATE, locale));
            }
            return plain.count() == null ? often : message("agenda.rule.count", locale, often, plain.count());
        }).orElseGet(() -> message("agenda.rule.other", locale));
        return message("agenda.rule.hours", locale, rule, CommuneTime.time(event.startsAt(), locale),
                CommuneTime.time(event.endsAt(), locale));
    }

    /** « lundis et jeudis » (plural) or « lundi et jeudi », « Monday and Thursday ». */
    private String days(List<DayOfWeek> days, Locale locale, boolean plural) {
        Function<DayOfWeek, String> name = d -> plural ? message("agenda.rule.day.plural", locale, day(d, locale))
                : day(d, locale);
        var names = days.stream().map(name).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return message("agenda.rule.and", locale, String.join(", ", names.subList(0, names.size() - 1)), names.getLast());
    }

    /** « 1er », « 14 »; « 1st », « 14th » */
    private String dayOfMonth(ZonedDateTime date, Locale locale) {
        return message("agenda.rule.day-of-month", locale, date.getDayOfMonth());
    }

    private static String day(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
