package org.beffroi.reports.admin;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.reports.ReportsModule.ManageCategories;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;
import org.beffroi.reports.internal.CategoryQuestions;
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
 * The questions a category asks residents besides the description: listed, added, set aside. A question is not
 * changed once asked, so that each answer keeps the question it answered: a new wording is a new question.
 */
@Controller
@RequestMapping("/admin/signalements/categories/{id}/questions")
@ManageCategories
@RequiredArgsConstructor
class CategoryQuestionAdminController {

    private final Categories categories;
    private final CategoryQuestions questions;

    @ModelAttribute("category")
    Category category(@PathVariable("id") String id) {
        return categories.find(NotFoundException.id(id)).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String show(@ModelAttribute(name = "category", binding = false) Category category, Model model) {
        model.addAttribute("questionForm", new QuestionForm());
        return page(category, model);
    }

    @PostMapping
    String add(@ModelAttribute(name = "category", binding = false) Category category,
            @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var choices = form.choiceList();
        if (!errors.hasFieldErrors("choices")) {
            if (choices.size() == 1) {
                errors.rejectValue("choices", "reports.category-question.choices.too-few");
            } else if (choices.size() > QuestionForm.MAX_CHOICES) {
                errors.rejectValue("choices", "reports.category-question.choices.too-many",
                        new Object[] {QuestionForm.MAX_CHOICES}, null);
            } else if (choices.stream().anyMatch(c -> c.length() > QuestionForm.MAX_CHOICE)) {
                errors.rejectValue("choices", "reports.category-question.choices.too-long",
                        new Object[] {QuestionForm.MAX_CHOICE}, null);
            }
        }
        if (questions.asked(category.id()).size() >= CategoryQuestions.MAX_QUESTIONS) {
            errors.reject("reports.category-question.too-many", new Object[] {CategoryQuestions.MAX_QUESTIONS}, null);
        }
        if (errors.hasErrors()) {
            return page(category, model);
        }
        questions.add(category.id(), form.draft());
        redirect.addFlashAttribute("saved", "reports.category-question.added");
        return "redirect:/admin/signalements/categories/" + category.id() + "/questions";
    }

    @PostMapping("/{question}/retrait")
    String retire(@ModelAttribute(name = "category", binding = false) Category category,
            @PathVariable("question") String question, RedirectAttributes redirect) {
        if (!questions.retire(category.id(), NotFoundException.id(question))) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "reports.category-question.retired");
        return "redirect:/admin/signalements/categories/" + category.id() + "/questions";
    }

    private String page(Category category, Model model) {
        model.addAttribute("questions", questions.asked(category.id()));
        model.addAttribute("maxQuestions", CategoryQuestions.MAX_QUESTIONS);
        return "reports/admin/category-questions";
    }
}
