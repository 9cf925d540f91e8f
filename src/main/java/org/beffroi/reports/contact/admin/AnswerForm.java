package org.beffroi.reports.contact.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** An agent's answer to a thread, mailed to the resident. */
@Getter
@Setter
public class AnswerForm {

    @NotBlank
    @Size(max = 4000)
    private String answer;
}
