package org.beffroi.alerts.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.springframework.stereotype.Service;

/**
 * A person's subscriptions as their account shows them: what each is to (topics, newsletter lists), and, once
 * confirmed, the signed links of its mails, to change it or to unsubscribe.
 */
@Service
@RequiredArgsConstructor
public class AccountSubscriptions {

    private final Subscriptions subscriptions;
    private final Topics topics;
    private final Newsletters newsletters;

    /** A subscription of the person; the links are null while it is not confirmed. */
    public record Held(Subscription subscription, List<Topic> topics, List<NewsletterList> lists, String manage,
            String unsubscribe) {

        public boolean newsletter() {
            return topics.isEmpty() && !lists.isEmpty();
        }

        /** What it is to, in the language of the page: its lists for a newsletter, its topics for alerts. */
        public List<String> names(java.util.Locale locale) {
            return newsletter() ? lists.stream().map(l -> l.name(locale)).toList()
                    : topics.stream().map(t -> t.name(locale)).toList();
        }
    }

    /** Those made signed in, or to the account's verified address. */
    public List<Held> heldBy(DataSubject subject) {
        var held = subscriptions.of(subject);
        if (held.isEmpty()) {
            return List.of();
        }
        Map<Long, Topic> topicsById = topics.all().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        Map<Long, NewsletterList> listsById = newsletters.lists().stream()
                .collect(Collectors.toMap(NewsletterList::id, Function.identity()));
        return held.stream().map(s -> {
            var topicsOf = s.topicIds().stream().map(topicsById::get).filter(java.util.Objects::nonNull).toList();
            var listsOf = subscriptions.lists(s.id()).stream().map(listsById::get).filter(java.util.Objects::nonNull)
                    .toList();
            if (s.status() != Subscription.Status.CONFIRMED) {
                return new Held(s, topicsOf, listsOf, null, null);
            }
            String token = subscriptions.signedLink(s.id());
            var confirmed = new Held(s, topicsOf, listsOf, null, null);
            return new Held(s, topicsOf, listsOf,
                    (confirmed.newsletter() ? "/lettres" : "/alertes") + "/preferences?jeton=" + token,
                    "/alertes/desabonnement?jeton=" + token);
        }).toList();
    }
}
