package org.beffroi.alerts.admin;

import org.beffroi.alerts.AlertsModule.SendAlerts;
import org.beffroi.alerts.internal.Alert;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imported CAP warnings in the back office: they are drafts, reviewed, edited and sent with the usual
 * flow; this controller adds the discard of an imported draft (the warning stays remembered).
 */
@Controller
@SendAlerts
class CapImportAdminController {

    private final AlertDesk desk;
    private final CapImporter imports;
    private final AuditLog audit;

    CapImportAdminController(AlertDesk desk, CapImporter imports, AuditLog audit) {
        this.desk = desk;
        this.imports = imports;
        this.audit = audit;
    }

    @PostMapping("/admin/alertes/{id}/rejet")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        Alert alert = desk.find(id).orElseThrow(NotFoundException::new);
        if (imports.source(id).isEmpty()) {
            throw new NotFoundException();
        }
        if (alert.state() != Alert.State.DRAFT || !imports.discard(id)) {
            redirect.addFlashAttribute("refused", "admin.alerts.cap.discard.not-draft");
            return "redirect:/admin/alertes/" + id;
        }
        audit.record("alert.cap-discarded", "alert:" + id, alert.title());
        redirect.addFlashAttribute("saved", "admin.alerts.cap.discarded");
        return "redirect:/admin/alertes";
    }
}
