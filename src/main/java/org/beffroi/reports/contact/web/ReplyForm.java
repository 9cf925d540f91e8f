package org.beffroi.reports.contact.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** The resident writes again in their thread. */
@Getter
@Setter
public class ReplyForm {

    @NotBlank
    @Size(max = ContactForm.MAX_MESSAGE)
    private String message;
}
