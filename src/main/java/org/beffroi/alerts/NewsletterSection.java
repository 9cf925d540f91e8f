package org.beffroi.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A section another module adds to the newsletter's issues: a bean of that module, asked when an issue is assembled
 * what it has for the issue's day (in the commune's time). What it answers is copied into the issue, as the news and
 * events are, so that what is sent and archived does not change afterwards; the agent may untick it like any item.
 *
 * <p>The content is plain text: the title and each line are escaped where they are shown (the mail's HTML, the
 * preview, the archive), so no HTML comes in through a section.
 */
public interface NewsletterSection {

    /** What the section says for an issue assembled on {@code day}, or nothing when it has nothing to say. */
    Optional<Content> forIssue(LocalDate day);

    /**
     * A section's content: its title (a heading of the mail), its lines of plain text (a paragraph each; 2,000
     * characters in all are kept), and the site's page it comes from (a path beginning with {@code /}).
     */
    record Content(String title, List<String> lines, String path) {

        public Content {
            if (title == null || title.isBlank() || lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("a section has a title and at least one line");
            }
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                throw new IllegalArgumentException("a section's page is a path of the site");
            }
            lines = List.copyOf(lines);
        }
    }
}
