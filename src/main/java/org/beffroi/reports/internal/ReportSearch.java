package org.beffroi.reports.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the site search holds of reports: the public ones (confirmed), found by their category, their street and
 * description and the public messages of their history. Never the reporter's name or address, never an internal
 * note. A public report is never withdrawn (erasure keeps it), so it is only announced when it becomes public and
 * when its public history grows, inside that transaction.
 */
@Component
@RequiredArgsConstructor
public class ReportSearch {

    static final String TYPE = "report";

    private final ReportStore store;
    private final Categories categories;
    private final ApplicationEventPublisher events;

    /** The report as the public now reads it, if it is public. */
    void changed(long reportId) {
        store.findPublic(reportId).map(report -> document(report, categoryNames(),
                store.history(report.id(), true).stream().map(ReportStore.Update::message).toList()))
                .ifPresent(document -> events.publishEvent(PublicContentChanged.published(document)));
    }

    /** Every public report, for a rebuild of the index: the public messages read in one query. */
    public Stream<SearchDocument> searchDocuments() {
        var names = categoryNames();
        var messages = store.publicMessages();
        return store.allPublic().stream()
                .map(report -> document(report, names, messages.getOrDefault(report.id(), List.of())));
    }

    private SearchDocument document(Report report, Map<Long, String> categoryNames, List<String> publicMessages) {
        String category = categoryNames.getOrDefault(report.categoryId(), "");
        String title = report.address() == null ? category : category + " — " + report.address();
        var text = new StringBuilder(report.description());
        publicMessages.stream().filter(message -> message != null && !message.isBlank())
                .forEach(message -> text.append("\n\n").append(message));
        return new SearchDocument(TYPE, Long.toString(report.id()), title, text.toString(),
                "/signalements/" + report.id(), report.confirmedAt(), report.neighbourhoodId());
    }

    private Map<Long, String> categoryNames() {
        List<Category> all = categories.all();
        return all.stream().collect(Collectors.toMap(Category::id, Category::name));
    }
}
