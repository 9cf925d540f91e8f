package org.beffroi.agenda.admin;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.platform.Text;
import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event as typed by an agent; times are the commune's local time. */
public class EventForm {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 10_000)
    private String description;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

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

    static EventForm of(Event e) {
        var form = new EventForm();
        form.title = e.title();
        form.description = e.description();
        form.startsAt = LocalDateTime.ofInstant(e.startsAt(), PARIS);
        form.endsAt = LocalDateTime.ofInstant(e.endsAt(), PARIS);
        form.place = e.place();
        form.category = e.category();
        form.neighbourhoodId = e.neighbourhoodId();
        form.free = e.free();
        form.price = e.price();
        form.accessibility = e.accessibility();
        form.capacity = e.capacity();
        return form;
    }

    Event toEvent(long id) {
        return new Event(id, title.strip(), description.strip(), startsAt.atZone(PARIS).toInstant(),
                endsAt.atZone(PARIS).toInstant(), place.strip(), category, neighbourhoodId, free,
                free ? null : Text.blankToNull(price), Text.blankToNull(accessibility), capacity);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
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
}
