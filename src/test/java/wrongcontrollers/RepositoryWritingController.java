package wrongcontrollers;

import org.springframework.stereotype.Controller;

@Controller
class RepositoryWritingController {

    private final NoteRepository notes;

    RepositoryWritingController(NoteRepository notes) {
        this.notes = notes;
    }

    void save() {
        notes.save("note");
    }
}
