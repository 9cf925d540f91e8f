package org.beffroi.portal.admin;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.portal.Media.Album;
import org.beffroi.portal.PortalModule.ManageContent;
import org.beffroi.portal.admin.MediaForms.AlbumForm;
import org.beffroi.portal.admin.MediaForms.EpisodeForm;
import org.beffroi.portal.admin.MediaForms.VideoForm;
import org.beffroi.portal.internal.MediaDesk;
import org.beffroi.portal.internal.MediaRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The media library in the back office: albums (every photo needs its description; uploads are re-encoded,
 * which drops EXIF and its location, and get a thumbnail), videos by link, podcast episodes.
 */
@Controller
@RequestMapping("/admin/mediatheque")
@ManageContent
class MediaAdminController {

    private static final int PHOTO_SIZE = 1600;
    private static final int THUMBNAIL_SIZE = 400;

    private final MediaRepository media;
    private final MediaDesk desk;
    private final ImageUploads images;
    private final DocumentUploads documents;

    MediaAdminController(MediaRepository media, MediaDesk desk, ImageUploads images, DocumentUploads documents) {
        this.media = media;
        this.desk = desk;
        this.images = images;
        this.documents = documents;
    }

    @GetMapping
    String overview(Model model) {
        addForms(model);
        return overviewPage(model);
    }

    @PostMapping("/albums")
    String createAlbum(@Validated @ModelAttribute("album") AlbumForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            addForms(model);
            return overviewPage(model);
        }
        String slug = Text.freeSlug(form.getTitle(), "album", media::albumSlugTaken);
        long id = desk.createAlbum(form.getTitle().strip(), slug, Text.blankToNull(form.getDescription()),
                form.isPublished());
        redirect.addFlashAttribute("saved", "admin.media.album-created");
        return "redirect:/admin/mediatheque/albums/" + id;
    }

    @GetMapping("/albums/{id}")
    String album(@PathVariable long id, Model model) {
        Album album = media.album(id).orElseThrow(NotFoundException::new);
        var form = new AlbumForm();
        form.setTitle(album.title());
        form.setDescription(album.description());
        form.setPublished(album.published());
        model.addAttribute("form", form);
        model.addAttribute("albumItem", album);
        return "portal/admin/album";
    }

    @PostMapping("/albums/{id}")
    String updateAlbum(@PathVariable long id, @Validated @ModelAttribute("form") AlbumForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Album album = media.album(id).orElseThrow(NotFoundException::new);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("albumItem", album);
            return "portal/admin/album";
        }
        desk.updateAlbum(id, form.getTitle().strip(), Text.blankToNull(form.getDescription()), form.isPublished());
        redirect.addFlashAttribute("saved", "admin.media.saved");
        return "redirect:/admin/mediatheque/albums/" + id;
    }

    @PostMapping("/albums/{id}/suppression")
    String deleteAlbum(@PathVariable long id, RedirectAttributes redirect) {
        Album album = media.album(id).orElseThrow(NotFoundException::new);
        desk.deleteAlbum(id, album.title());
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/mediatheque";
    }

    /** A photo without its description is refused: it would be an empty image for a blind visitor. */
    @PostMapping("/albums/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, @RequestParam(required = false) String caption,
            RedirectAttributes redirect) {
        media.album(id).orElseThrow(NotFoundException::new);
        String cleanAlt = Text.blankToNull(alt);
        String cleanCaption = Text.blankToNull(caption);
        if (cleanAlt == null || cleanAlt.length() > 300 || cleanCaption != null && cleanCaption.length() > 500) {
            return photoError(id, "admin.media.photo.alt-required", new Object[0], alt, caption, redirect);
        }
        try {
            var stored = images.storeImages(file, PHOTO_SIZE, THUMBNAIL_SIZE);
            desk.addPhoto(id, stored.get(0).id(), stored.get(1).id(), cleanAlt, cleanCaption);
        } catch (InvalidUploadException e) {
            return photoError(id, e.messageKey(), e.arguments(), alt, caption, redirect);
        }
        redirect.addFlashAttribute("saved", "admin.media.photo-added");
        return "redirect:/admin/mediatheque/albums/" + id + "#photos";
    }

    @PostMapping("/albums/{id}/photos/{photoId}/suppression")
    String removePhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect) {
        if (!desk.removePhoto(id, photoId)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.media.photo-removed");
        return "redirect:/admin/mediatheque/albums/" + id + "#photos";
    }

    @PostMapping("/videos")
    String addVideo(@Validated @ModelAttribute("video") VideoForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            addForms(model);
            return overviewPage(model);
        }
        desk.addVideo(form.getTitle().strip(), form.getUrl().strip(), Text.blankToNull(form.getDescription()));
        redirect.addFlashAttribute("saved", "admin.media.video-added");
        return "redirect:/admin/mediatheque#videos";
    }

    @PostMapping("/videos/{id}/suppression")
    String removeVideo(@PathVariable long id, RedirectAttributes redirect) {
        if (!desk.removeVideo(id)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/mediatheque#videos";
    }

    @PostMapping("/podcasts")
    String addEpisode(@Validated @ModelAttribute("episode") EpisodeForm form, BindingResult errors,
            @RequestParam(required = false) MultipartFile audio, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        org.beffroi.platform.StoredFile stored = null;
        if (!errors.hasErrors()) {
            try {
                stored = documents.storeAudio(audio);
            } catch (InvalidUploadException e) {
                model.addAttribute("audioError", e.messageKey());
                model.addAttribute("audioErrorArguments", e.arguments());
            }
        }
        if (errors.hasErrors() || stored == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            addForms(model);
            return overviewPage(model);
        }
        desk.addEpisode(form.getTitle().strip(), Text.blankToNull(form.getDescription()), stored.id(),
                stored.contentType(), stored.content().length, Text.blankToNull(form.getTranscript()));
        redirect.addFlashAttribute("saved", "admin.media.episode-added");
        return "redirect:/admin/mediatheque#podcasts";
    }

    @PostMapping("/podcasts/{id}/suppression")
    String removeEpisode(@PathVariable long id, RedirectAttributes redirect) {
        if (!desk.removeEpisode(id)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/mediatheque#podcasts";
    }

    private String photoError(long id, String key, Object[] arguments, String alt, String caption,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("photoError", key);
        redirect.addFlashAttribute("photoErrorArguments", arguments);
        redirect.addFlashAttribute("photoAlt", alt);
        redirect.addFlashAttribute("photoCaption", caption);
        return "redirect:/admin/mediatheque/albums/" + id + "#photos";
    }

    private static void addForms(Model model) {
        if (!model.containsAttribute("album")) {
            model.addAttribute("album", new AlbumForm());
        }
        if (!model.containsAttribute("video")) {
            model.addAttribute("video", new VideoForm());
        }
        if (!model.containsAttribute("episode")) {
            model.addAttribute("episode", new EpisodeForm());
        }
    }

    private String overviewPage(Model model) {
        model.addAttribute("albums", media.albums(false));
        model.addAttribute("videos", media.videos());
        model.addAttribute("episodes", media.episodes());
        return "portal/admin/media";
    }
}
