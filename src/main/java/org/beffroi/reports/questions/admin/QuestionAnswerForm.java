package org.beffroi.reports.questions.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** An elected official's public answer to a question. */
@Getter
@Setter
public class QuestionAnswerForm {

    public static final int MAX_ANSWER = 4000;

    @NotBlank
    @Size(max = MAX_ANSWER)
    private String answer;
}
