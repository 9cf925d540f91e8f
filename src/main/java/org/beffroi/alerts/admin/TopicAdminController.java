package org.beffroi.alerts.admin;

import org.beffroi.alerts.AlertsModule.EditTopics;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator names, orders, adds and withdraws the topics residents subscribe to. */
@Controller
@RequestMapping("/admin/themes-alertes")
@EditTopics
class TopicAdminController {

    private final Topics topics;
    private final AuditLog audit;

    TopicAdminController(Topics topics, AuditLog audit) {
        this.topics = topics;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("topics", topics.all());
        return "alerts/admin/topics";
    }

    @PostMapping
    String add(@RequestParam(name = "nameFr", required = false) String nameFr,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "position", defaultValue = "100") int position, RedirectAttributes redirect) {
        if (!valid(nameFr) || !valid(nameEn)) {
            redirect.addFlashAttribute("refused", "admin.alerts.topics.invalid");
            return "redirect:/admin/themes-alertes";
        }
        long id = topics.insert(nameFr.strip(), nameEn.strip(), position);
        audit.record("alerts.topic.created", "topic:" + id, nameFr);
        redirect.addFlashAttribute("saved", "admin.alerts.topics.saved");
        return "redirect:/admin/themes-alertes";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(name = "nameFr", required = false) String nameFr,
            @RequestParam(name = "nameEn", required = false) String nameEn,
            @RequestParam(name = "position", defaultValue = "0") int position,
            @RequestParam(name = "active", defaultValue = "false") boolean active, RedirectAttributes redirect) {
        topics.find(id).orElseThrow(NotFoundException::new);
        if (!valid(nameFr) || !valid(nameEn)) {
            redirect.addFlashAttribute("refused", "admin.alerts.topics.invalid");
            return "redirect:/admin/themes-alertes";
        }
        topics.update(id, nameFr.strip(), nameEn.strip(), position, active);
        audit.record("alerts.topic.updated", "topic:" + id, nameFr);
        redirect.addFlashAttribute("saved", "admin.alerts.topics.saved");
        return "redirect:/admin/themes-alertes";
    }

    private static boolean valid(String name) {
        return name != null && !name.isBlank() && name.length() <= 100;
    }
}
