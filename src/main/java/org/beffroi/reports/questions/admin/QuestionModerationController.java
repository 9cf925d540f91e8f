package org.beffroi.reports.questions.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.reports.ReportsModule.ModerateQuestions;
import org.beffroi.reports.questions.internal.Question;
import org.beffroi.reports.questions.internal.QuestionDesk;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderators' queue of questions to elected officials: each one's page (with the asker's contact), published or
 * refused with a reason mailed to the asker. A question not confirmed, already moderated or unknown answers 404.
 */
@Controller
@RequestMapping("/admin/questions-aux-elus/moderation")
@ModerateQuestions
@RequiredArgsConstructor
class QuestionModerationController {

    private final QuestionDesk desk;

    @GetMapping
    String queue(Model model) {
        var pending = desk.pending();
        model.addAttribute("questions", pending);
        model.addAttribute("addressees", desk.addressees(pending));
        return "reports/questions/admin/moderation";
    }

    @GetMapping("/{id}")
    String question(@PathVariable String id, Model model) {
        model.addAttribute("questionRefusalForm", new QuestionRefusalForm());
        return page(pending(id), model);
    }

    @PostMapping("/{id}/publication")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        if (!desk.publish(pending(id).id(), SignedInUser.current().orElseThrow().accountId())) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "questions.moderation.published");
        return "redirect:/admin/questions-aux-elus/moderation";
    }

    @PostMapping("/{id}/refus")
    String refuse(@PathVariable String id, @Valid @ModelAttribute("questionRefusalForm") QuestionRefusalForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var question = pending(id);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(question, model);
        }
        if (!desk.refuse(question.id(), form.getReason(), SignedInUser.current().orElseThrow().accountId())) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "questions.moderation.refused");
        return "redirect:/admin/questions-aux-elus/moderation";
    }

    private Question pending(String id) {
        try {
            return desk.findPending(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private String page(Question question, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("addressees", desk.addressees(List.of(question)));
        return "reports/questions/admin/moderate";
    }
}
