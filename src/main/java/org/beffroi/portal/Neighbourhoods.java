package org.beffroi.portal;

import java.util.List;
import java.util.Optional;

/** The portal's facade: the commune's neighbourhoods, for every module that places things in them. */
public interface Neighbourhoods {

    List<Neighbourhood> all();

    Optional<Neighbourhood> find(long id);

    /**
     * The neighbourhood whose outline holds the point (decimal degrees), the first by name when outlines overlap;
     * empty when no outline holds it (neighbourhoods without an outline hold nothing).
     */
    Optional<Long> containing(double latitude, double longitude);
}
