package org.beffroi.portal.admin;

import java.time.Clock;

import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.CouncilMeeting;
import org.beffroi.portal.PortalModule.ManageCouncil;
import org.beffroi.portal.internal.CouncilDesk;
import org.beffroi.portal.internal.CouncilRepository;
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
 * Council meetings in the back office: the list warns of every meeting whose documents are not online and
 * whose 72 hours are running out or gone; each meeting takes its agenda, links and PDF documents.
 */
@Controller
@RequestMapping("/admin/conseil")
@ManageCouncil
class CouncilAdminController {

    private final CouncilRepository meetings;
    private final CouncilDesk desk;
    private final DocumentUploads documents;
    private final Clock clock;

    CouncilAdminController(CouncilRepository meetings, CouncilDesk desk, DocumentUploads documents, Clock clock) {
        this.meetings = meetings;
        this.desk = desk;
        this.documents = documents;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("kinds", CouncilMeeting.Kind.values());
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

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("form", new CouncilMeetingForm());
        return "portal/admin/meeting";
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("form") CouncilMeetingForm form, BindingResult errors,
            RedirectAttributes redirect, HttpServletResponse response) {
        checkDates(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/meeting";
        }
        long id = desk.save(form.toMeeting(0));
        redirect.addFlashAttribute("saved", "admin.council.created");
        return "redirect:/admin/conseil/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        CouncilMeeting meeting = meetings.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", CouncilMeetingForm.of(meeting));
        return "portal/admin/meeting";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") CouncilMeetingForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CouncilMeeting meeting = meetings.find(id).orElseThrow(NotFoundException::new);
        checkDates(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("meeting", meeting);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/meeting";
        }
        desk.save(form.toMeeting(id));
        redirect.addFlashAttribute("saved", "admin.council.saved");
        return "redirect:/admin/conseil/" + id;
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        desk.delete(id);
        redirect.addFlashAttribute("saved", "admin.council.deleted");
        return "redirect:/admin/conseil";
    }

    /** A PDF goes online at once: its time of upload is what the 72-hour promise is measured by. */
    @PostMapping("/{id}/documents")
    String addDocument(@PathVariable long id, @RequestParam(required = false) CouncilMeeting.Kind kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        CouncilMeeting meeting = meetings.find(id).orElseThrow(NotFoundException::new);
        String cleanTitle = title == null ? "" : title.strip();
        if (kind == null || cleanTitle.isEmpty() || cleanTitle.length() > 300) {
            redirect.addFlashAttribute("documentError", "admin.council.document.title-required");
            redirect.addFlashAttribute("documentTitle", cleanTitle);
            return "redirect:/admin/conseil/" + id + "#documents";
        }
        try {
            var stored = documents.storePdf(file);
            desk.addDocument(meeting.id(), kind, cleanTitle, stored.id());
            redirect.addFlashAttribute("saved", "admin.council.document.added");
        } catch (InvalidUploadException e) {
            redirect.addFlashAttribute("documentError", e.messageKey());
            redirect.addFlashAttribute("documentErrorArguments", e.arguments());
            redirect.addFlashAttribute("documentTitle", cleanTitle);
        }
        return "redirect:/admin/conseil/" + id + "#documents";
    }

    @PostMapping("/{id}/documents/{documentId}/suppression")
    String removeDocument(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
        desk.removeDocument(id, documentId);
        redirect.addFlashAttribute("saved", "admin.council.document.removed");
        return "redirect:/admin/conseil/" + id + "#documents";
    }

    private static void checkDates(CouncilMeetingForm form, BindingResult errors) {
        if (form.getStartsAt() != null && form.getEndsAt() != null && !form.getEndsAt().isAfter(form.getStartsAt())) {
            errors.rejectValue("endsAt", "admin.agenda.ends-before-start");
        }
    }
}
