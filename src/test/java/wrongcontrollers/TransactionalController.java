package wrongcontrollers;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

@Controller
@Transactional
class TransactionalController {

    private final NoteDesk desk;

    TransactionalController(NoteDesk desk) {
        this.desk = desk;
    }

    void save() {
        desk.save("note");
    }
}
