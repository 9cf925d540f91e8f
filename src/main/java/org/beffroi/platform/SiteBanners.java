package org.beffroi.platform;

import java.util.List;

/**
 * What a module that has something urgent to say puts on every page. The platform draws the banners and
 * knows nothing else of the module: a module implements this interface as a bean.
 */
public interface SiteBanners {

    /** The banners to show now; computed at each page, so keep it cheap. */
    List<SiteBanner> current();
}
