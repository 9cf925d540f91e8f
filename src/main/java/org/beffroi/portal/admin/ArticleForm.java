package org.beffroi.portal.admin;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import lombok.Getter;
import lombok.Setter;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.RichText;
import org.beffroi.portal.Article;
import org.beffroi.portal.NewsCategory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A page or a news item as an agent types it; the publication time is the commune's local time. */
@Getter
@Setter
public class ArticleForm {

    /** What the agent asks for when saving. */
    public enum Publication {
        DRAFT, NOW, SCHEDULE, ARCHIVE;

        public String messageKey() {
            return "admin.articles.publication." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @NotBlank
    @Size(max = 200)
    private String title;

    @Size(max = 600)
    private String summary;

    @NotBlank
    @Size(max = 200_000)
    private String body;

    @NotNull
    private Publication publication = Publication.DRAFT;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime publishAt;

    private NewsCategory category = NewsCategory.COMMUNE_LIFE;

    private Long neighbourhoodId;

    private Long parentId;

    @Min(0)
    @Max(10_000)
    private int position;

    private MultipartFile cover;

    @Size(max = 300)
    private String coverAlt;

    private boolean removeCover;

    /** An image or a PDF sent from the form, whose Markdown the page then shows to copy into the body. */
    private MultipartFile attachment;

    /** Files sent from the form of an article not saved yet, attached to it when it is. */
    @Size(max = 50)
    private List<UUID> attachments = new ArrayList<>();

    /**
     * The body is shown as written: raw HTML would be shown as text and an image from another site not at all, so
     * both are refused with what was found.
     */
    void validate(Errors errors) {
        RichText.refusal(body).ifPresent(refusal -> errors.rejectValue("body", switch (refusal.reason()) {
            case RAW_HTML -> "admin.articles.body.raw-html";
            case OUTSIDE_IMAGE -> "admin.articles.body.outside-image";
        }, new Object[] {refusal.excerpt()}, null));
    }

    static ArticleForm of(Article a) {
        var form = new ArticleForm();
        form.title = a.title();
        form.summary = a.summary();
        form.body = a.body();
        form.publication = switch (a.status()) {
            case DRAFT -> Publication.DRAFT;
            case SCHEDULED -> Publication.SCHEDULE;
            case PUBLISHED -> Publication.NOW;
            case ARCHIVED -> Publication.ARCHIVE;
        };
        form.publishAt = a.status() == Article.Status.SCHEDULED ? LocalDateTime.ofInstant(a.publishedAt(), CommuneTime.ZONE) : null;
        form.category = a.category() == null ? NewsCategory.COMMUNE_LIFE : a.category();
        form.neighbourhoodId = a.neighbourhoodId();
        form.parentId = a.parentId();
        form.position = a.position();
        form.coverAlt = a.coverAlt();
        return form;
    }
}
