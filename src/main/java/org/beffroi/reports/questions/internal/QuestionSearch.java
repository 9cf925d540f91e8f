package org.beffroi.reports.questions.internal;

import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the site search holds of the questions to elected officials: the published ones, found by their subject, the
 * question and its answer. Never the asker's name, even when the page shows it (erasure and retention remove it from
 * the page, and the index would keep it). A published question stays published, so it is announced when it is
 * published and when it is answered, inside that transaction.
 */
@Component
@RequiredArgsConstructor
public class QuestionSearch {

    static final String TYPE = "question";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /** The question as the public now reads it: just published, or just answered. */
    void changed(Question question) {
        events.publishEvent(PublicContentChanged.published(document(question)));
    }

    /** Every published question, for a rebuild of the index. */
    public Stream<SearchDocument> searchDocuments() {
        return jdbc.sql(QuestionDesk.COLUMNS + " where status = 'PUBLISHED' order by id").query(QuestionDesk.QUESTION)
                .list().stream().map(QuestionSearch::document);
    }

    private static SearchDocument document(Question question) {
        String text = question.answered() ? question.body() + "\n\n" + question.answer() : question.body();
        return new SearchDocument(TYPE, Long.toString(question.id()), question.subject(), text,
                "/questions-aux-elus/" + question.id(), question.moderatedAt(), null);
    }
}
