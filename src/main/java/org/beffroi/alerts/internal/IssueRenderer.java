package org.beffroi.alerts.internal;

import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.RichText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An issue as mailed, rendered once: the HTML part (a Thymeleaf template with inline styles only, as mail
 * clients need) and the plain-text part. The agent's free text is Markdown through the platform's
 * {@link RichText}, sanitised. The subscriber's own links stand as placeholders until each mail is made.
 */
@Component
@RequiredArgsConstructor
public class IssueRenderer {

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Commune commune;
    private final PublicAddress publicAddress;

    public DeliveryChannel.Newsletter render(Issue issue, NewsletterList list) {
        Locale locale = Locale.FRENCH;
        String base = publicAddress.base();
        String page = base + "/lettres/" + list.id() + "/numeros/" + issue.id();
        var context = new Context(locale);
        context.setVariable("issue", issue);
        context.setVariable("list", list);
        context.setVariable("intro", RichText.toHtml(issue.intro()));
        context.setVariable("news", issue.included(Issue.Kind.NEWS));
        context.setVariable("events", issue.included(Issue.Kind.EVENT));
        context.setVariable("sections", issue.included(Issue.Kind.SECTION));
        context.setVariable("base", base);
        context.setVariable("page", page);
        context.setVariable("commune", commune.settings().name());
        context.setVariable("preferences", DeliveryChannel.Newsletter.PREFERENCES);
        context.setVariable("unsubscribe", DeliveryChannel.Newsletter.UNSUBSCRIBE);
        String html = templates.process("alerts/newsletter/mail", context);
        String subject = messages.getMessage("newsletters.mail.subject",
                new Object[] {issue.title(), commune.settings().name()}, locale);
        return new DeliveryChannel.Newsletter(issue.id(), list.id(), subject, html, text(issue, list, base, page, locale));
    }

    private String text(Issue issue, NewsletterList list, String base, String page, Locale locale) {
        var text = new StringBuilder();
        text.append(issue.title()).append("\n").append("=".repeat(Math.min(issue.title().length(), 72))).append("\n\n");
        String intro = RichText.toPlainText(issue.intro());
        if (!intro.isEmpty()) {
            text.append(intro).append("\n\n");
        }
        var news = issue.included(Issue.Kind.NEWS);
        if (!news.isEmpty()) {
            text.append(messages.getMessage("newsletters.news", null, locale)).append("\n\n");
            news.forEach(n -> text.append("* ").append(n.title()).append("\n")
                    .append(n.summary() == null || n.summary().isBlank() ? "" : "  " + n.summary() + "\n")
                    .append("  ").append(base).append(n.url()).append("\n\n"));
        }
        var events = issue.included(Issue.Kind.EVENT);
        if (!events.isEmpty()) {
            text.append(messages.getMessage("newsletters.events", null, locale)).append("\n\n");
            events.forEach(e -> text.append("* ").append(e.title()).append("\n  ")
                    .append(CommuneTime.format(e.startsAt(), CommuneTime.DAY_TIME, locale))
                    .append(e.place() == null || e.place().isBlank() ? "" : " – " + e.place()).append("\n  ")
                    .append(base).append(e.url()).append("\n\n"));
        }
        for (Issue.Item section : issue.included(Issue.Kind.SECTION)) {
            text.append(section.title()).append("\n\n");
            section.lines().forEach(line -> text.append(line).append("\n"));
            text.append("  ").append(base).append(section.url()).append("\n\n");
        }
        text.append("--\n").append(messages.getMessage("newsletters.mail.footer.text",
                new Object[] {list.nameFr(), commune.settings().name(), page, DeliveryChannel.Newsletter.PREFERENCES,
                        DeliveryChannel.Newsletter.UNSUBSCRIBE}, locale));
        return text.toString();
    }

}
