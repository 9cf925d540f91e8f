package wrongcontrollers;

import org.beffroi.platform.AuditLog.Filter;
import org.beffroi.platform.AuditTrail;
import org.springframework.stereotype.Controller;

/** Reads through a repository and the audit trail, writes through the desk: no rule catches it. */
@Controller
class RightController {

    String show(long id, NoteRepository notes, AuditTrail trail) {
        return notes.findById(id).orElseThrow() + trail.count(Filter.none());
    }

    void save(String note, NoteDesk desk) {
        desk.save(note);
    }
}
