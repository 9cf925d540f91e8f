package wrongcontrollers;

import org.springframework.stereotype.Controller;

@Controller
class RepositoryWritingController {

    void save(NoteRepository notes) {
        notes.save("note");
    }
}
