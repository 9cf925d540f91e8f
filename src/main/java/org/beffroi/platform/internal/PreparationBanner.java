package org.beffroi.platform.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.SiteBanner;
import org.beffroi.platform.SiteBanners;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** "Site en préparation" on every page of a fresh installation, until its administrator opens the site. */
@Component
@RequiredArgsConstructor
class PreparationBanner implements SiteBanners {

    private final Commune commune;
    private final MessageSource messages;

    @Override
    public List<SiteBanner> current() {
        if (commune.isOpen()) {
            return List.of();
        }
        var locale = LocaleContextHolder.getLocale();
        return List.of(new SiteBanner("info", messages.getMessage("site.preparation.title", null, locale),
                messages.getMessage("site.preparation.text", null, locale), null));
    }
}
