package org.beffroi.reports.internal;

import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The mails of reports, through the outbox in the caller's transaction. */
@Component
@RequiredArgsConstructor
class ReportMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;
    private final StatusWords words;

    /** The link that confirms an address: the reporter's (the report is then published) or a supporter's. */
    void toConfirm(String email, long reportId, boolean reporter, String token) {
        var link = new OutgoingMail.Secret(publicAddress.of("/signalements/confirmation?jeton=" + token));
        var locale = LocaleContextHolder.getLocale();
        String kind = reporter ? "reports.mail.confirm-report" : "reports.mail.confirm-support";
        mailer.send(new OutgoingMail(email, messages.getMessage(kind + ".subject", new Object[] {reportId}, locale),
                messages.getMessage(kind + ".body", new Object[] {reportId, link.value(), commune.settings().name()},
                        locale),
                link));
    }

    /** A report's new status, with the agent's public message if any, to one of its followers. */
    void statusChanged(String email, Report report, String message) {
        Locale locale = LocaleContextHolder.getLocale();
        String statusText = words.describe(report, locale);
        String page = publicAddress.of("/signalements/" + report.id());
        String said = message == null ? "" : messages.getMessage("reports.mail.status.message",
                new Object[] {message}, locale);
        mailer.send(new OutgoingMail(email,
                messages.getMessage("reports.mail.status.subject", new Object[] {report.id(), statusText}, locale),
                messages.getMessage("reports.mail.status.body",
                        new Object[] {report.id(), statusText, said, page, commune.settings().name()}, locale)));
    }
}
