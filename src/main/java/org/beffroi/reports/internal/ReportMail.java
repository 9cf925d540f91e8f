package org.beffroi.reports.internal;

import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.TextMessages;
import org.beffroi.platform.Commune;
import org.beffroi.platform.Mailer;
import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.AfterCommit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mails of reports, through the outbox in the caller's transaction; and the text message of a new status to a
 * follower who chose SMS in the alerts, sent once that transaction has committed (at most once: a text the provider
 * did not take is not tried again).
 */
@Component
@RequiredArgsConstructor
class ReportMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final Commune commune;
    private final StatusWords words;
    private final TextMessages texts;

    /**
     * A report's new status to one of its followers: by text message when, signed in, they chose SMS in the alerts;
     * by mail otherwise.
     */
    void statusChanged(ReportStore.Follower follower, Report report, String message) {
        var number = follower.accountId() == null ? Optional.<String>empty()
                : texts.numberChosenBy(follower.accountId());
        if (number.isEmpty()) {
            statusChanged(follower.email(), report, message);
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage("reports.sms.status", new Object[] {report.id(),
                words.describe(report, locale), message == null ? "" : " " + message,
                publicAddress.of("/signalements/" + report.id()), commune.settings().name()}, locale);
        AfterCommit.run(() -> texts.send(number.get(), text));
    }

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
    private void statusChanged(String email, Report report, String message) {
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
