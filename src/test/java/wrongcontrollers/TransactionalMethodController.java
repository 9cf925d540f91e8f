package wrongcontrollers;

import jakarta.transaction.Transactional;

import org.springframework.stereotype.Controller;

@Controller
class TransactionalMethodController {

    private final NoteDesk desk;

    TransactionalMethodController(NoteDesk desk) {
        this.desk = desk;
    }

    @Transactional
    void save() {
        desk.save("note");
    }
}
