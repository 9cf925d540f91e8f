package org.beffroi.reports.questions.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** Why a moderator refuses a question: mailed to the asker, never shown on the site. */
@Getter
@Setter
public class QuestionRefusalForm {

    @NotBlank
    @Size(max = 2000)
    private String reason;
}
