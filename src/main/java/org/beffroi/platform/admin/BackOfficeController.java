package org.beffroi.platform.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The back office's front page: the entries each module offers this person (the layout provides them). */
@Controller
class BackOfficeController {

    @GetMapping("/admin")
    String home() {
        return "platform/admin/home";
    }
}
