package wrongcontrollers;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

@Controller
@Transactional
class TransactionalController {

    void save(NoteDesk desk) {
        desk.save("note");
    }
}
