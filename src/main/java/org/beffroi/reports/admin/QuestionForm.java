package org.beffroi.reports.admin;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.reports.internal.CategoryQuestions;

/** A question a category asks, as the administrator types it: its choices one a line, none for a free answer. */
@Getter
@Setter
public class QuestionForm {

    /** The most choices of a question, and the longest one. */
    static final int MAX_CHOICES = 20;
    static final int MAX_CHOICE = 100;

    @NotBlank
    @Size(max = 200)
    private String label;

    @Size(max = 500)
    private String hint;

    @Size(max = 2000)
    private String choices;

    private boolean required;

    /** The choices typed, one a line, blank lines left out, each once. */
    List<String> choiceList() {
        return choices == null ? List.of()
                : choices.lines().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    }

    CategoryQuestions.Draft draft() {
        return new CategoryQuestions.Draft(label, hint, choiceList(), required);
    }
}
