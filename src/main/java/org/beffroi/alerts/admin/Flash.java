package org.beffroi.alerts.admin;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The answer to a back-office action: back to a page, with the message of what was done or refused. */
final class Flash {

    private Flash() {
    }

    static String saved(RedirectAttributes redirect, String message, String page) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:" + page;
    }

    static String refused(RedirectAttributes redirect, String message, String page) {
        redirect.addFlashAttribute("refused", message);
        return "redirect:" + page;
    }
}
