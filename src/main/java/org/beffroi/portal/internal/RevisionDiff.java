package org.beffroi.portal.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * Two versions of a text side by side, line by line, with the words that changed marked. The text is
 * HTML-escaped first (the generator's default line normaliser); only the {@code <del>} and {@code <ins>} marks are markup.
 */
public final class RevisionDiff {

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private RevisionDiff() {
    }

    /** One row per line; {@code changed} is false for lines both versions share. */
    public record Row(boolean changed, String before, String after) {
    }

    /** What changed in one field of the article, under the message key of the field's name. */
    public record Field(String messageKey, List<Row> rows) {
    }

    /** What a revision changed in the title, the summary and the body, compared with the one before it. */
    public static List<Field> fields(Optional<Revision> previous, Revision revision) {
        return List.of(
                new Field("admin.articles.field.title", lines(previous.map(Revision::title).orElse(""), revision.title())),
                new Field("admin.articles.field.summary",
                        lines(previous.map(Revision::summary).orElse(""), revision.summary())),
                new Field("admin.articles.field.body", lines(previous.map(Revision::body).orElse(""), revision.body())));
    }

    public static List<Row> lines(String before, String after) {
        return GENERATOR.generateDiffRows(split(before), split(after)).stream()
                .map(row -> new Row(row.getTag() != DiffRow.Tag.EQUAL, row.getOldLine(), row.getNewLine()))
                .toList();
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R", -1));
    }
}
