package org.beffroi.alerts.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.alerts.internal.Issue;
import org.beffroi.platform.Markdown;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A newsletter issue as an agent edits it: the title, the free text and the items ticked. */
@Getter
@Setter
public class IssueForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 10000, message = "{newsletters.admin.field.intro.invalid}")
    @Markdown
    private String intro;

    private List<Long> items;

    static IssueForm of(Issue issue) {
        var form = new IssueForm();
        form.title = issue.title();
        form.intro = issue.intro();
        return form;
    }

    String strippedIntro() {
        return intro == null ? "" : intro.strip();
    }

    Set<Long> includedItems() {
        return new LinkedHashSet<>(items == null ? List.of() : items);
    }
}
