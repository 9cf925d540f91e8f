package wrongcontrollers;

import org.beffroi.platform.AuditTrail;
import org.springframework.stereotype.Controller;

/** Reads through a repository and the audit trail, writes through the desk: no rule catches it. */
@Controller
class RightController {

    private final NoteRepository notes;
    private final NoteDesk desk;
    private final AuditTrail trail;

    RightController(NoteRepository notes, NoteDesk desk, AuditTrail trail) {
        this.notes = notes;
        this.desk = desk;
        this.trail = trail;
    }

    String show(long id) {
        return notes.findById(id).orElseThrow() + trail.count(org.beffroi.platform.AuditLog.Filter.none());
    }

    void save(String note) {
        desk.save(note);
    }
}
