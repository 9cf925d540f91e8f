package wrongcontrollers;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

@Controller
class TransactionTemplateController {

    private TransactionTemplate transaction;

    void save(NoteDesk desk) {
        transaction.executeWithoutResult(status -> desk.save("note"));
    }
}
