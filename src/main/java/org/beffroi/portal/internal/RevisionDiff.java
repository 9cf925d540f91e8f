package org.beffroi.portal.internal;

import java.util.Arrays;
import java.util.List;

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

    public static List<Row> lines(String before, String after) {
        return GENERATOR.generateDiffRows(split(before), split(after)).stream()
                .map(row -> new Row(row.getTag() != DiffRow.Tag.EQUAL, row.getOldLine(), row.getNewLine()))
                .toList();
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R", -1));
    }
}
