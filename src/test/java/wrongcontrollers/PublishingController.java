package wrongcontrollers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublishingController {

    private final ApplicationEventPublisher events;

    PublishingController(ApplicationEventPublisher events) {
        this.events = events;
    }

    void save() {
        events.publishEvent("note.saved");
    }
}
