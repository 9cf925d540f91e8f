package org.beffroi.reports.contact.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.Getter;
import lombok.Setter;

/** A topic of the contact form and the service its threads go to. */
@Getter
@Setter
public class TopicForm {

    @NotBlank
    @Size(max = 120)
    private String name;
    private Long serviceId;
    private boolean active = true;
}
