package org.beffroi.alerts.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.Degrees;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.validation.Errors;

/**
 * The area part of a form (subscription or alert): the whole commune, neighbourhoods, or a point and a
 * radius. Read into an {@link Area}, with a message by the field for what is missing or outside the commune.
 */
public class AreaForm {

    public static final int MIN_RADIUS = 50;
    public static final int MAX_RADIUS = 20_000;

    @Getter @Setter private Area.Kind areaKind = Area.Kind.COMMUNE;
    @Getter @Setter private List<Long> neighbourhoodIds = new ArrayList<>();
    @Degrees
    @Getter @Setter private Double latitude;
    @Degrees
    @Getter @Setter private Double longitude;
    @Getter @Setter private Integer radiusMetres = 500;

    /** The area, or null with errors recorded. */
    public Area toArea(Errors errors, Neighbourhoods neighbourhoods, Geography geography) {
        if (areaKind == null) {
            errors.rejectValue("areaKind", "alerts.area.required");
            return null;
        }
        switch (areaKind) {
            case COMMUNE -> {
                return Area.commune();
            }
            case NEIGHBOURHOODS -> {
                var ids = new HashSet<Long>();
                for (Long id : neighbourhoodIds == null ? List.<Long>of() : neighbourhoodIds) {
                    if (id != null && neighbourhoods.find(id).isPresent()) {
                        ids.add(id);
                    }
                }
                if (ids.isEmpty()) {
                    errors.rejectValue("neighbourhoodIds", "alerts.area.neighbourhoods.required");
                    return null;
                }
                return Area.neighbourhoods(ids);
            }
            default -> {
                boolean ok = true;
                if (latitude == null || !(latitude >= -90 && latitude <= 90)) {
                    errors.rejectValue("latitude", "alerts.area.latitude.invalid");
                    ok = false;
                }
                if (longitude == null || !(longitude >= -180 && longitude <= 180)) {
                    errors.rejectValue("longitude", "alerts.area.longitude.invalid");
                    ok = false;
                }
                if (radiusMetres == null || radiusMetres < MIN_RADIUS || radiusMetres > MAX_RADIUS) {
                    errors.rejectValue("radiusMetres", "alerts.area.radius.invalid",
                            new Object[] {MIN_RADIUS, MAX_RADIUS}, null);
                    ok = false;
                }
                if (ok && !geography.inCommune(latitude, longitude)) {
                    errors.rejectValue("latitude", "alerts.area.outside");
                    ok = false;
                }
                return ok ? Area.point(latitude, longitude, radiusMetres) : null;
            }
        }
    }

    public void fill(Area area) {
        areaKind = area.kind();
        neighbourhoodIds = new ArrayList<>(area.neighbourhoodIds());
        latitude = area.latitude();
        longitude = area.longitude();
        radiusMetres = area.radiusMetres() == null ? 500 : area.radiusMetres();
    }
}
