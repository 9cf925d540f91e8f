package org.beffroi.reports.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.CommuneTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A report's status in words, with what it carries, for pages and mails alike. */
@Component
@RequiredArgsConstructor
public class StatusWords {

    private final MessageSource messages;

    /** « Programmé pour le 12 décembre 2026 », « Hors compétence de la commune : Département », « Doublon du n° 5 ». */
    public String describe(Report report, Locale locale) {
        Object detail = switch (report.status()) {
            case PLANNED -> report.plannedOn() == null ? ""
                    : DateTimeFormatter.ofPattern(CommuneTime.DATE, locale).format(report.plannedOn());
            case NOT_OURS -> report.responsibleBody() == null ? "" : report.responsibleBody();
            case DUPLICATE -> report.duplicateOf() == null ? "" : String.valueOf(report.duplicateOf());
            default -> "";
        };
        return messages.getMessage(report.status().key() + ".detailed", new Object[] {detail}, locale);
    }
}
