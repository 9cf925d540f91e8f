package wrongcontrollers;

import org.beffroi.platform.AuditLog;
import org.springframework.stereotype.Controller;

@Controller
class AuditingController {

    private final AuditLog audit;

    AuditingController(AuditLog audit) {
        this.audit = audit;
    }

    void save() {
        audit.record("note.saved", null, null);
    }
}
