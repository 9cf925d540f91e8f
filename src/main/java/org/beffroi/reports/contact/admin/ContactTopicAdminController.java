package org.beffroi.reports.contact.admin;

import java.util.List;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.NotFoundException;
import org.beffroi.reports.ReportsModule.ManageCategories;
import org.beffroi.reports.contact.internal.ContactDesk;
import org.beffroi.reports.contact.internal.ContactTopic;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The topics of the contact form, each sent to a service; set by the administrators who set the reports' categories. */
@Controller
@RequestMapping("/admin/contact/sujets")
@ManageCategories
@RequiredArgsConstructor
class ContactTopicAdminController {

    private final ContactDesk desk;
    private final Accounts accounts;

    @GetMapping
    String list(Model model) {
        model.addAttribute("topicForm", new TopicForm());
        return page(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("topicForm") TopicForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(null, form, errors, model, redirect);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        var topic = topic(id);
        var form = new TopicForm();
        form.setName(topic.name());
        form.setServiceId(topic.serviceId());
        form.setActive(topic.active());
        model.addAttribute("topicForm", form);
        model.addAttribute("topic", topic);
        return "reports/contact/admin/topic";
    }

    @PostMapping("/{id}")
    String change(@PathVariable String id, @Valid @ModelAttribute("topicForm") TopicForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var topic = topic(id);
        model.addAttribute("topic", topic);
        return save(topic.id(), form, errors, model, redirect);
    }

    private String save(Long id, TopicForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("name") && desk.topicNameTaken(form.getName(), id)) {
            errors.rejectValue("name", "contact.topic.name.taken");
        }
        if (form.getServiceId() != null && accounts.service(form.getServiceId()).isEmpty()) {
            errors.rejectValue("serviceId", "contact.topic.service.unknown");
        }
        if (errors.hasErrors()) {
            return id == null ? page(model) : "reports/contact/admin/topic";
        }
        desk.saveTopic(id, form.getName(), form.getServiceId(), form.isActive());
        redirect.addFlashAttribute("saved", "contact.topic.saved");
        return "redirect:/admin/contact/sujets";
    }

    @ModelAttribute("services")
    List<AgentService> services() {
        return accounts.services();
    }

    private ContactTopic topic(String id) {
        Long number = ContactAdminController.number(id);
        if (number == null) {
            throw new NotFoundException();
        }
        return desk.topic(number).orElseThrow(NotFoundException::new);
    }

    private String page(Model model) {
        model.addAttribute("topics", desk.topics());
        return "reports/contact/admin/topics";
    }
}
