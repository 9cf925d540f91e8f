package org.beffroi.alerts.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.beffroi.alerts.internal.Issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A newsletter issue as an agent edits it: the title, the free text and the items ticked. */
public class IssueForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 10000)
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

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIntro() { return intro; }
    public void setIntro(String intro) { this.intro = intro; }
    public List<Long> getItems() { return items; }
    public void setItems(List<Long> items) { this.items = items; }
}
