package org.beffroi.reports.questions.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/**
 * A question to an elected official ({@code electedAccountId}) or to the council (none chosen), and who asks when
 * signed out.
 */
@Getter
@Setter
public class QuestionForm {

    public static final int MAX_QUESTION = 2000;

    private Long electedAccountId;
    @NotBlank
    @Size(max = 200)
    private String subject;
    @NotBlank
    @Size(max = MAX_QUESTION)
    private String question;
    @Email
    @Size(max = 254)
    private String email;
    @Size(max = 200)
    private String name;
    private boolean showName;
}
