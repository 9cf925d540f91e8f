package wrongcontrollers;

import jakarta.transaction.Transactional;

import org.springframework.stereotype.Controller;

@Controller
class TransactionalMethodController {

    @Transactional
    void save(NoteDesk desk) {
        desk.save("note");
    }
}
