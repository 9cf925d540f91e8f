package org.beffroi.reports.questions.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.reports.ReportsModule.AnswerQuestions;
import org.beffroi.reports.questions.internal.Commitment;
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
 * An elected official's questions: the published ones addressed to them or to the council, those awaiting an answer
 * first, and the public answer, signed with their name. A question addressed to another elected official, not
 * published or unknown answers 404.
 */
@Controller
@RequestMapping("/admin/questions-aux-elus")
@AnswerQuestions
@RequiredArgsConstructor
class QuestionAnswerController {

    private final QuestionDesk desk;
    private final Commitment commitment;

    @GetMapping
    String mine(Model model) {
        var questions = desk.forElected(me().accountId());
        model.addAttribute("questions", questions);
        model.addAttribute("addressees", desk.addressees(questions));
        model.addAttribute("commitment", commitment);
        return "reports/questions/admin/mine";
    }

    @GetMapping("/{id}")
    String question(@PathVariable String id, Model model) {
        model.addAttribute("questionAnswerForm", new QuestionAnswerForm());
        return page(mine(id), model);
    }

    @PostMapping("/{id}/reponse")
    String answer(@PathVariable String id, @Valid @ModelAttribute("questionAnswerForm") QuestionAnswerForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var question = mine(id);
        if (!errors.hasErrors() && question.answered()) {
            errors.rejectValue("answer", "questions.answer.already");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return withForm(question, model);
        }
        var me = me();
        if (!desk.answer(question.id(), form.getAnswer(), me.accountId(), me.displayName())) {
            errors.rejectValue("answer", "questions.answer.already");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return withForm(desk.find(question.id()).orElseThrow(), model);
        }
        redirect.addFlashAttribute("saved", "questions.answer.saved");
        return "redirect:/admin/questions-aux-elus/" + question.id();
    }

    private Question mine(String id) {
        try {
            return desk.findFor(Long.parseLong(id), me().accountId()).orElseThrow(NotFoundException::new);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private String page(Question question, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("addressees", desk.addressees(List.of(question)));
        model.addAttribute("state", commitment.of(question));
        model.addAttribute("maxAnswer", QuestionAnswerForm.MAX_ANSWER);
        model.addAttribute("answerFormShown", !question.answered());
        return "reports/questions/admin/answer";
    }

    /** The page with the answer form and its errors, even when the question is answered. */
    private String withForm(Question question, Model model) {
        String view = page(question, model);
        model.addAttribute("answerFormShown", true);
        return view;
    }

    private static SignedInUser me() {
        return SignedInUser.current().orElseThrow();
    }
}
