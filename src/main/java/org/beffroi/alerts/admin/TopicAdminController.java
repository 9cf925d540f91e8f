package org.beffroi.alerts.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.AlertsModule.EditTopics;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.Topic;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The administrator names, orders, adds and withdraws the topics residents subscribe to. */
@Controller
@RequestMapping("/admin/themes-alertes")
@EditTopics
@RequiredArgsConstructor
class TopicAdminController {

    private final Topics topics;
    private final AlertDesk desk;

    /**
     * A topic as the administrator types it; a new one comes last unless placed. The English name is optional:
     * left empty, the French one is shown in English too.
     */
    record TopicForm(@NotBlank @Size(max = 100) String nameFr, @Size(max = 100) String nameEn,
            Integer position, Boolean active) {

        String englishName() {
            return nameEn == null ? "" : nameEn.strip();
        }

        int positionOr(int unset) {
            return position == null ? unset : position;
        }

        boolean isActive() {
            return Boolean.TRUE.equals(active);
        }
    }

    /** The topic of the request's address, read once; none on the list. */
    @ModelAttribute("topic")
    Topic topic(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : topics.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("topics", topics.all());
        return "alerts/admin/topics";
    }

    @PostMapping({"", "/{id}"})
    String save(@ModelAttribute(name = "topic", binding = false) Topic topic, @Validated TopicForm form,
            BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("refused", "admin.alerts.topics.invalid");
        } else {
            if (topic == null) {
                desk.addTopic(form.nameFr().strip(), form.englishName(), form.positionOr(100));
            } else {
                desk.changeTopic(topic.id(), form.nameFr().strip(), form.englishName(), form.positionOr(0),
                        form.isActive());
            }
            redirect.addFlashAttribute("saved", "admin.alerts.topics.saved");
        }
        return "redirect:/admin/themes-alertes";
    }
}
