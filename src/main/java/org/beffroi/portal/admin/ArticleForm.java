package org.beffroi.portal.admin;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Publication getPublication() { return publication; }
    public void setPublication(Publication publication) { this.publication = publication; }
    public LocalDateTime getPublishAt() { return publishAt; }
    public void setPublishAt(LocalDateTime publishAt) { this.publishAt = publishAt; }
    public NewsCategory getCategory() { return category; }
    public void setCategory(NewsCategory category) { this.category = category; }
    public Long getNeighbourhoodId() { return neighbourhoodId; }
    public void setNeighbourhoodId(Long neighbourhoodId) { this.neighbourhoodId = neighbourhoodId; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public MultipartFile getCover() { return cover; }
    public void setCover(MultipartFile cover) { this.cover = cover; }
    public String getCoverAlt() { return coverAlt; }
    public void setCoverAlt(String coverAlt) { this.coverAlt = coverAlt; }
    public boolean isRemoveCover() { return removeCover; }
    public void setRemoveCover(boolean removeCover) { this.removeCover = removeCover; }
    public MultipartFile getAttachment() { return attachment; }
    public void setAttachment(MultipartFile attachment) { this.attachment = attachment; }
    public List<UUID> getAttachments() { return attachments; }
    public void setAttachments(List<UUID> attachments) { this.attachments = attachments; }
}
