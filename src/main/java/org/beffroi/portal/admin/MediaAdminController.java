package org.beffroi.portal.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.StoredFile;
import org.beffroi.platform.Text;
import org.beffroi.portal.Media.Album;
import org.beffroi.portal.PortalModule.ManageContent;
import org.beffroi.portal.admin.MediaForms.AlbumForm;
import org.beffroi.portal.admin.MediaForms.EpisodeForm;
import org.beffroi.portal.admin.MediaForms.VideoForm;
import org.beffroi.portal.internal.MediaDesk;
import org.beffroi.portal.internal.MediaRepository;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/admin/photos-videos")
@ManageContent
@RequiredArgsConstructor
class MediaAdminController {

    private static final int PHOTO_SIZE = 1600;
    private static final int THUMBNAIL_SIZE = 400;
    private static final String ALBUM_PAGE = "portal/admin/album";

    private final MediaRepository media;
    private final MediaDesk desk;
    private final ImageUploads images;
    private final DocumentUploads documents;

    /** The album at this address, read once per request (none on the library's own pages). */
    @ModelAttribute("albumItem")
    @Nullable Album album(@PathVariable(required = false) Long id) {
        return id == null ? null : media.findAlbum(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String overview(Model model) {
        return overviewPage(model);
    }

    @PostMapping("/albums")
    String createAlbum(@Validated @ModelAttribute("album") AlbumForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return overviewPage(model);
        }
        long id = desk.createAlbum(form.getTitle().strip(), Text.blankToNull(form.getDescription()), form.isPublished());
        redirect.addFlashAttribute("saved", "admin.media.album-created");
        return "redirect:/admin/photos-videos/albums/" + id;
    }

    @GetMapping("/albums/{id}")
    String album(@ModelAttribute(name = "albumItem", binding = false) Album album, Model model) {
        model.addAttribute("form", AlbumForm.of(album));
        return ALBUM_PAGE;
    }

    @PostMapping("/albums/{id}")
    String updateAlbum(@ModelAttribute(name = "albumItem", binding = false) Album album,
            @Validated @ModelAttribute("form") AlbumForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return ALBUM_PAGE;
        }
        desk.updateAlbum(album.id(), form.getTitle().strip(), Text.blankToNull(form.getDescription()),
                form.isPublished());
        redirect.addFlashAttribute("saved", "admin.media.saved");
        return "redirect:/admin/photos-videos/albums/" + album.id();
    }

    @PostMapping("/albums/{id}/suppression")
    String deleteAlbum(@ModelAttribute(name = "albumItem", binding = false) Album album, RedirectAttributes redirect) {
        desk.deleteAlbum(album.id(), album.title());
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/photos-videos";
    }

    /** A photo without its description is refused: it would be an empty image for a blind visitor. */
    @PostMapping("/albums/{id}/photos")
    String addPhoto(@ModelAttribute(name = "albumItem", binding = false) Album album,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String alt,
            @RequestParam(required = false) String caption, RedirectAttributes redirect) {
        String cleanAlt = Text.blankToNull(alt);
        String cleanCaption = Text.blankToNull(caption);
        if (cleanAlt == null || cleanAlt.length() > 300 || cleanCaption != null && cleanCaption.length() > 500) {
            return photoError(album, "admin.media.photo.alt-required", new Object[0], alt, caption, redirect);
        }
        try {
            var stored = images.storeImages(file, PHOTO_SIZE, THUMBNAIL_SIZE);
            desk.addPhoto(album.id(), stored.get(0).id(), stored.get(1).id(), cleanAlt, cleanCaption);
        } catch (InvalidUploadException e) {
            return photoError(album, e.messageKey(), e.arguments(), alt, caption, redirect);
        }
        redirect.addFlashAttribute("saved", "admin.media.photo-added");
        return photos(album);
    }

    @PostMapping("/albums/{id}/photos/{photoId}/suppression")
    String removePhoto(@ModelAttribute(name = "albumItem", binding = false) Album album, @PathVariable long photoId,
            RedirectAttributes redirect) {
        desk.removePhoto(album.id(), photoId);
        redirect.addFlashAttribute("saved", "admin.media.photo-removed");
        return photos(album);
    }

    @PostMapping("/videos")
    String addVideo(@Validated @ModelAttribute("video") VideoForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return overviewPage(model);
        }
        desk.addVideo(form.getTitle().strip(), form.getUrl().strip(), Text.blankToNull(form.getDescription()));
        redirect.addFlashAttribute("saved", "admin.media.video-added");
        return "redirect:/admin/photos-videos#videos";
    }

    @PostMapping("/videos/{videoId}/suppression")
    String removeVideo(@PathVariable long videoId, RedirectAttributes redirect) {
        desk.removeVideo(videoId);
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/photos-videos#videos";
    }

    @PostMapping("/podcasts")
    String addEpisode(@Validated @ModelAttribute("episode") EpisodeForm form, BindingResult errors,
            @RequestParam(required = false) MultipartFile audio, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            return overviewPage(model);
        }
        StoredFile stored;
        try {
            stored = documents.storeAudio(audio);
        } catch (InvalidUploadException e) {
            // the file is no field of the form: its refusal is shown next to it, and answered 400 here
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("audioError", e.messageKey());
            model.addAttribute("audioErrorArguments", e.arguments());
            return overviewPage(model);
        }
        desk.addEpisode(form.getTitle().strip(), Text.blankToNull(form.getDescription()), stored.id(),
                stored.contentType(), stored.content().length, Text.blankToNull(form.getTranscript()));
        redirect.addFlashAttribute("saved", "admin.media.episode-added");
        return "redirect:/admin/photos-videos#podcasts";
    }

    @PostMapping("/podcasts/{episodeId}/suppression")
    String removeEpisode(@PathVariable long episodeId, RedirectAttributes redirect) {
        desk.removeEpisode(episodeId);
        redirect.addFlashAttribute("saved", "admin.media.deleted");
        return "redirect:/admin/photos-videos#podcasts";
    }

    private static String photoError(Album album, String key, Object[] arguments, String alt, String caption,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("photoError", key);
        redirect.addFlashAttribute("photoErrorArguments", arguments);
        redirect.addFlashAttribute("photoAlt", alt);
        redirect.addFlashAttribute("photoCaption", caption);
        return photos(album);
    }

    private static String photos(Album album) {
        return "redirect:/admin/photos-videos/albums/" + album.id() + "#photos";
    }

    private String overviewPage(Model model) {
        model.addAttribute("albums", media.findAlbums(false));
        model.addAttribute("videos", media.findVideos());
        model.addAttribute("episodes", media.findEpisodes());
        if (!model.containsAttribute("album")) {
            model.addAttribute("album", new AlbumForm());
        }
        if (!model.containsAttribute("video")) {
            model.addAttribute("video", new VideoForm());
        }
        if (!model.containsAttribute("episode")) {
            model.addAttribute("episode", new EpisodeForm());
        }
        return "portal/admin/media";
    }
}
