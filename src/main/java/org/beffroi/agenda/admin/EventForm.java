package org.beffroi.agenda.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.Recurrence;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Degrees;
import org.beffroi.platform.PeriodForm;
import org.beffroi.platform.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event as typed by an agent; times are the commune's local time. */
@Getter
@Setter
public class EventForm extends PeriodForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 10_000)
    private String description;

    @NotBlank
    @Size(max = 200)
    private String place;

    @NotNull
    private Category category = Category.OTHER;

    private Long neighbourhoodId;

    /** Not ticked by default: an event is free or has a price because the agent said so. */
    private boolean free;

    @Size(max = 100)
    private String price;

    @Size(max = 1000)
    private String accessibility;

    @Min(1)
    @Max(100_000)
    private Integer capacity;

    /**
     * The repetition in words; CUSTOM keeps a saved rule that the words cannot say, shown as it is written (it is
     * offered only then).
     */
    public enum Repeat {
        NONE, DAILY, WEEKLY, BIWEEKLY, MONTHLY, YEARLY, CUSTOM;

        public String messageKey() {
            return "admin.agenda.repeat." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @NotNull
    private Repeat repeat = Repeat.NONE;

    /** The weekdays of a weekly repetition; none stands for the day it starts. */
    private List<DayOfWeek> days = new ArrayList<>();

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate repeatUntil;

    @Size(max = 500)
    private String rrule;

    @Degrees
    @DecimalMin("-90")
    @DecimalMax("90")
    private Double latitude;

    @Degrees
    @DecimalMin("-180")
    @DecimalMax("180")
    private Double longitude;

    static EventForm of(Event e) {
        var form = new EventForm();
        form.title = e.title();
        form.description = e.description();
        form.fillPeriod(e.startsAt(), e.endsAt());
        form.place = e.place();
        form.category = e.category();
        form.neighbourhoodId = e.neighbourhoodId();
        form.free = e.free();
        form.price = e.price();
        form.accessibility = e.accessibility();
        form.capacity = e.capacity();
        form.repeat = Repeat.NONE;
        Recurrence.of(e).ifPresent(r -> form.readBack(r, e));
        if (e.position() != null) {
            form.latitude = e.position().latitude();
            form.longitude = e.position().longitude();
        }
        return form;
    }

    /** The saved rule as the choices say it, when they can say exactly that; the rule's text otherwise. */
    private void readBack(Recurrence recurrence, Event e) {
        var plain = recurrence.plain(e.startsAt()).orElse(null);
        Repeat said = plain == null || plain.count() != null || plain.until() != null && !recurrence.endsAtEndOfDay() ? null
                : switch (plain.frequency()) {
                    case DAILY -> plain.every() == 1 ? Repeat.DAILY : null;
                    case WEEKLY -> plain.every() == 1 ? Repeat.WEEKLY : plain.every() == 2 ? Repeat.BIWEEKLY : null;
                    case MONTHLY -> plain.every() == 1 && plain.rank() != null && plain.rank() == rank(getStartsAt())
                            ? Repeat.MONTHLY : null;
                    case YEARLY -> plain.every() == 1 ? Repeat.YEARLY : null;
                    default -> null;
                };
        if (said == null) {
            repeat = Repeat.CUSTOM;
            rrule = e.recurrence();
            return;
        }
        repeat = said;
        days = new ArrayList<>(plain.days());
        repeatUntil = plain.until();
    }

    /** The rank of the date's weekday in its month: 1 to 4, or -1 for a fifth (the last). */
    private static int rank(java.time.LocalDateTime date) {
        int rank = (date.getDayOfMonth() - 1) / 7 + 1;
        return rank == 5 ? -1 : rank;
    }

    /**
     * The rule the choice stands for, as RFC 5545 text, or null for a single date. "Every month" keeps the
     * weekday and its rank in the month of the start (the 2nd Wednesday; the last one past the 4th).
     */
    String ruleText() {
        String until = repeatUntil == null ? "" : ";UNTIL=" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(repeatUntil.atTime(LocalTime.of(23, 59, 59)).atZone(CommuneTime.ZONE).withZoneSameInstant(ZoneOffset.UTC));
        return switch (repeat) {
            case NONE -> null;
            case DAILY -> "FREQ=DAILY" + until;
            case WEEKLY -> "FREQ=WEEKLY" + byDay() + until;
            case BIWEEKLY -> "FREQ=WEEKLY;INTERVAL=2" + byDay() + until;
            case MONTHLY -> "FREQ=MONTHLY;BYDAY=" + rank(getStartsAt()) + code(getStartsAt().getDayOfWeek()) + until;
            case YEARLY -> "FREQ=YEARLY" + until;
            case CUSTOM -> Text.blankToNull(rrule);
        };
    }

    /** The ticked days, or the day it starts when none is. */
    private String byDay() {
        var chosen = days == null || days.isEmpty() ? List.of(getStartsAt().getDayOfWeek()) : days;
        return ";BYDAY=" + String.join(",", chosen.stream().sorted().distinct().map(EventForm::code).toList());
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /** The field where a refused rule is reported: the saved rule, the ticked days, or the end date of a choice. */
    private String ruleField(String messageKey) {
        if (repeat == Repeat.CUSTOM) {
            return "rrule";
        }
        return messageKey.equals("agenda.recurrence.start-not-in-rule") ? "days" : "repeatUntil";
    }

    /**
     * What Bean Validation cannot say field by field: a place is two finite numbers or none, and a repetition
     * is a rule that ical4j reads and that takes no registration (one list of seats for every date would not say
     * which date a seat is for).
     */
    void validate(Errors errors) {
        if (!errors.hasFieldErrors("price")) {
            boolean priced = Text.blankToNull(price) != null;
            if (free && priced) {
                errors.rejectValue("price", "admin.agenda.price.free-and-priced");
            } else if (!free && !priced) {
                errors.rejectValue("price", "admin.agenda.price.missing");
            }
        }
        // "NaN" and "Infinity" read as numbers but are no place
        if (latitude != null && !Double.isFinite(latitude)) {
            errors.rejectValue("latitude", "typeMismatch.form.latitude");
        }
        if (longitude != null && !Double.isFinite(longitude)) {
            errors.rejectValue("longitude", "typeMismatch.form.longitude");
        }
        if ((latitude == null) != (longitude == null) && !errors.hasFieldErrors("latitude")
                && !errors.hasFieldErrors("longitude")) {
            errors.rejectValue(latitude == null ? "latitude" : "longitude", "admin.agenda.position.both");
        }
        if (repeat == null || getStartsAt() == null || errors.hasFieldErrors("rrule") || errors.hasFieldErrors("repeatUntil")) {
            return;
        }
        String text = ruleText();
        if (text == null) {
            if (repeat == Repeat.CUSTOM) {
                errors.rejectValue("rrule", "agenda.recurrence.missing");
            }
            return;
        }
        if (capacity != null) {
            errors.rejectValue("capacity", "admin.agenda.capacity.recurring");
        }
        try {
            recurrence();
        } catch (Recurrence.Invalid e) {
            String field = ruleField(e.messageKey());
            errors.rejectValue(field, field.equals("days") ? "admin.agenda.repeat.days.start" : e.messageKey());
        }
    }

    /** The checked rule (ical4j reads it; UNTIL is saved in UTC), or null for a single date. */
    private String recurrence() throws Recurrence.Invalid {
        String text = ruleText();
        return text == null ? null : Recurrence.parse(text, startInstant()).text();
    }

    /** A new event starts after {@code now}; an existing one may be corrected whatever its date. */
    void validateNew(Errors errors, java.time.Instant now) {
        if (getStartsAt() != null && !errors.hasFieldErrors("startsAt") && startInstant().isBefore(now)) {
            errors.rejectValue("startsAt", "admin.agenda.starts.past");
        }
    }

    /** The event the form describes, once {@link #validate} found nothing to say. */
    Event toEvent(long id) {
        String recurrence;
        try {
            recurrence = recurrence();
        } catch (Recurrence.Invalid e) {
            throw new IllegalStateException("a rule that validation accepted", e);
        }
        return new Event(id, title.strip(), description.strip(), startInstant(), endInstant(), place.strip(), category, neighbourhoodId, free,
                Text.blankToNull(price), Text.blankToNull(accessibility), capacity, recurrence,
                latitude == null || longitude == null ? null : new Event.Position(latitude, longitude));
    }
}
