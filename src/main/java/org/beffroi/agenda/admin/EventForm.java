package org.beffroi.agenda.admin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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

    private boolean free = true;

    @Size(max = 100)
    private String price;

    @Size(max = 1000)
    private String accessibility;

    @Min(1)
    @Max(100_000)
    private Integer capacity;

    /** The friendly choices; CUSTOM takes the rule typed in {@code rrule}. */
    public enum Repeat {
        NONE, WEEKLY, BIWEEKLY, MONTHLY, CUSTOM;

        public String messageKey() {
            return "admin.agenda.repeat." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @NotNull
    private Repeat repeat = Repeat.NONE;

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
        // a saved rule comes back as text: it says exactly what is saved, whichever choice made it
        form.repeat = e.recurring() ? Repeat.CUSTOM : Repeat.NONE;
        form.rrule = e.recurrence();
        if (e.position() != null) {
            form.latitude = e.position().latitude();
            form.longitude = e.position().longitude();
        }
        return form;
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
            case WEEKLY -> "FREQ=WEEKLY" + until;
            case BIWEEKLY -> "FREQ=WEEKLY;INTERVAL=2" + until;
            case MONTHLY -> {
                int rank = (getStartsAt().getDayOfMonth() - 1) / 7 + 1;
                String day = getStartsAt().getDayOfWeek().name().substring(0, 2);
                yield "FREQ=MONTHLY;BYDAY=" + (rank == 5 ? -1 : rank) + day + until;
            }
            case CUSTOM -> Text.blankToNull(rrule);
        };
    }

    /** The field where a refused rule is reported: the typed rule, or the end date of a choice. */
    private String ruleField() {
        return repeat == Repeat.CUSTOM ? "rrule" : "repeatUntil";
    }

    /**
     * What Bean Validation cannot say field by field: a place is two finite numbers or none, and a repetition
     * is a rule that ical4j reads and that takes no registration (one list of seats for every date would not say
     * which date a seat is for).
     */
    void validate(Errors errors) {
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
            errors.rejectValue(ruleField(), e.messageKey());
        }
    }

    /** The checked rule (ical4j reads it; UNTIL is saved in UTC), or null for a single date. */
    private String recurrence() throws Recurrence.Invalid {
        String text = ruleText();
        return text == null ? null : Recurrence.parse(text, startInstant()).text();
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
                free ? null : Text.blankToNull(price), Text.blankToNull(accessibility), capacity, recurrence,
                latitude == null || longitude == null ? null : new Event.Position(latitude, longitude));
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public Long getNeighbourhoodId() { return neighbourhoodId; }
    public void setNeighbourhoodId(Long neighbourhoodId) { this.neighbourhoodId = neighbourhoodId; }
    public boolean isFree() { return free; }
    public void setFree(boolean free) { this.free = free; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public String getAccessibility() { return accessibility; }
    public void setAccessibility(String accessibility) { this.accessibility = accessibility; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Repeat getRepeat() { return repeat; }
    public void setRepeat(Repeat repeat) { this.repeat = repeat; }
    public LocalDate getRepeatUntil() { return repeatUntil; }
    public void setRepeatUntil(LocalDate repeatUntil) { this.repeatUntil = repeatUntil; }
    public String getRrule() { return rrule; }
    public void setRrule(String rrule) { this.rrule = rrule; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
}
