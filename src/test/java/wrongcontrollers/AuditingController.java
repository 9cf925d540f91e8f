package wrongcontrollers;

import org.beffroi.platform.AuditLog;
import org.springframework.stereotype.Controller;

@Controller
class AuditingController {

    private AuditLog audit;

    void save() {
        audit.record("note.saved", null, null);
    }
}
