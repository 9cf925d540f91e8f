package wrongcontrollers;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

@Controller
class TransactionTemplateController {

    private final TransactionTemplate transaction;
    private final NoteDesk desk;

    TransactionTemplateController(TransactionTemplate transaction, NoteDesk desk) {
        this.transaction = transaction;
        this.desk = desk;
    }

    void save() {
        transaction.executeWithoutResult(status -> desk.save("note"));
    }
}
