package org.beffroi.portal;

import java.util.List;
import java.util.Optional;

/** The portal's facade: the commune's neighbourhoods, for every module that places things in them. */
public interface Neighbourhoods {

    List<Neighbourhood> all();

    Optional<Neighbourhood> find(long id);
}
