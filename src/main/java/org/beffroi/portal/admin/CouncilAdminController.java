package org.beffroi.portal.admin;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.CouncilMeeting;
import org.beffroi.portal.PortalModule.ManageCouncil;
import org.beffroi.portal.internal.CouncilDesk;
import org.beffroi.portal.internal.CouncilRepository;
import org.jspecify.annotations.Nullable;
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

/**
 * Council meetings in the back office: the list warns of every meeting whose documents are not online and
 * whose 72 hours are running out or gone; each meeting takes its agenda, links and PDF documents.
 */
@Controller
@RequestMapping("/admin/conseil")
@ManageCouncil
@RequiredArgsConstructor
class CouncilAdminController {

    private static final String PAGE = "portal/admin/meeting";

    private final CouncilRepository meetings;
    private final CouncilDesk desk;
    private final DocumentUploads documents;
    private final Clock clock;

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("kinds", CouncilMeeting.Kind.values());
    }

    /** The meeting at this address, read once per request (none on the list and the creation page). */
    @ModelAttribute("meeting")
    @Nullable CouncilMeeting meeting(@PathVariable(required = false) Long id) {
        return id == null ? null : meetings.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        var all = meetings.all();
        model.addAttribute("meetings", all);
        model.addAttribute("overdue", all.stream().filter(m -> switch (m.promiseAt(clock.instant())) {
            case DUE_SOON, LATE -> true;
            default -> false;
        }).toList());
        return "portal/admin/meetings";
    }

    @GetMapping({"/nouveau", "/{id}"})
    String form(@ModelAttribute(name = "meeting", binding = false) @Nullable CouncilMeeting meeting, Model model) {
        model.addAttribute("form", meeting == null ? new CouncilMeetingForm() : CouncilMeetingForm.of(meeting));
        return PAGE;
    }

    @PostMapping({"/nouveau", "/{id}"})
    String save(@ModelAttribute(name = "meeting", binding = false) @Nullable CouncilMeeting meeting,
            @Validated @ModelAttribute("form") CouncilMeetingForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return PAGE;
        }
        long id = desk.save(form.toMeeting(meeting == null ? 0 : meeting.id()));
        redirect.addFlashAttribute("saved", meeting == null ? "admin.council.created" : "admin.council.saved");
        return "redirect:/admin/conseil/" + id;
    }

    @PostMapping("/{id}/suppression")
    String delete(@ModelAttribute(name = "meeting", binding = false) CouncilMeeting meeting, RedirectAttributes redirect) {
        desk.delete(meeting.id());
        redirect.addFlashAttribute("saved", "admin.council.deleted");
        return "redirect:/admin/conseil";
    }

    /** A PDF goes online at once: its time of upload is what the 72-hour promise is measured by. */
    @PostMapping("/{id}/documents")
    String addDocument(@ModelAttribute(name = "meeting", binding = false) CouncilMeeting meeting,
            @RequestParam(required = false) CouncilMeeting.Kind kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        String cleanTitle = title == null ? "" : title.strip();
        if (kind == null || cleanTitle.isEmpty() || cleanTitle.length() > 300) {
            redirect.addFlashAttribute("documentError", "admin.council.document.title-required");
            redirect.addFlashAttribute("documentTitle", cleanTitle);
            return documents(meeting);
        }
        try {
            desk.addDocument(meeting.id(), kind, cleanTitle, documents.storePdf(file).id());
            redirect.addFlashAttribute("saved", "admin.council.document.added");
        } catch (InvalidUploadException e) {
            redirect.addFlashAttribute("documentError", e.messageKey());
            redirect.addFlashAttribute("documentErrorArguments", e.arguments());
            redirect.addFlashAttribute("documentTitle", cleanTitle);
        }
        return documents(meeting);
    }

    @PostMapping("/{id}/documents/{documentId}/suppression")
    String removeDocument(@ModelAttribute(name = "meeting", binding = false) CouncilMeeting meeting, @PathVariable long documentId,
            RedirectAttributes redirect) {
        desk.removeDocument(meeting.id(), documentId);
        redirect.addFlashAttribute("saved", "admin.council.document.removed");
        return documents(meeting);
    }

    private static String documents(CouncilMeeting meeting) {
        return "redirect:/admin/conseil/" + meeting.id() + "#documents";
    }
}
