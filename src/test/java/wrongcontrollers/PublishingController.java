package wrongcontrollers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublishingController {

    private ApplicationEventPublisher events;

    void save() {
        events.publishEvent("note.saved");
    }
}
