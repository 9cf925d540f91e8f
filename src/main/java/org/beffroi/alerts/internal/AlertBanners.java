package org.beffroi.alerts.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.SiteBanner;
import org.beffroi.platform.SiteBanners;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Every alert in progress, in the banner of every page. */
@Component
@RequiredArgsConstructor
class AlertBanners implements SiteBanners {

    private final AlertDesk desk;
    private final MessageSource messages;

    @Override
    public List<SiteBanner> current() {
        return desk.active().stream().map(alert -> new SiteBanner(alert.severity().level(),
                messages.getMessage(alert.severity().messageKey(), null, LocaleContextHolder.getLocale()) + " : "
                        + alert.title(),
                abbreviate(alert.body()), "/alertes/" + alert.id())).toList();
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "…";
    }
}
