package org.beffroi.reports.contact.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A message to the town hall: its topic, subject and text, and who writes when signed out. */
@Getter
@Setter
public class ContactForm {

    public static final int MAX_MESSAGE = 4000;

    @NotNull
    private Long topicId;
    @NotBlank
    @Size(max = 200)
    private String subject;
    @NotBlank
    @Size(max = MAX_MESSAGE)
    private String message;
    @Email
    @Size(max = 254)
    private String email;
    @Size(max = 200)
    private String name;
}
