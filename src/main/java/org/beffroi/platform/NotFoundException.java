package org.beffroi.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown ids and ids the person may not see end here alike: a plain 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super(null, null, false, false);
    }

    /** An id as typed in an address: a number, or else nothing of the kind is found (404). */
    public static long id(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw new NotFoundException();
        }
        return Long.parseLong(text);
    }
}
