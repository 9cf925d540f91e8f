package org.beffroi.platform.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import org.beffroi.platform.Text;
import org.springframework.beans.PropertyAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses control characters ({@link Text#hasControlCharacters}) in every value Spring MVC binds to a string, for
 * every controller of every module: a form field gets its message next to it and shows what was typed (each
 * control character as U+FFFD), and validation leaves that field alone; a request parameter or a path variable
 * answers a 400 page that says why (a problem detail under {@code /api/}).
 */
@ControllerAdvice
class ControlCharacters {

    static final String FIELD_ERROR_CODE = "text.control-character";
    static final String ERROR_PAGE_KEY = "error.control-character";

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new TextEditor());
        binder.setBindingErrorProcessor(new FieldMessage(binder.getBindingErrorProcessor()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void refuseParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws MethodArgumentTypeMismatchException, IOException {
        if (!(e.getCause() instanceof ControlCharacterFound)) {
            throw e; // another type mismatch: Spring's usual answer
        }
        PlatformErrorController.explain(request, ERROR_PAGE_KEY);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** Text as it came, unless it holds a control character. */
    private static final class TextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (Text.hasControlCharacters(text)) {
                throw new ControlCharacterFound();
            }
            setValue(text);
        }
    }

    private static final class ControlCharacterFound extends IllegalArgumentException {

        ControlCharacterFound() {
            super("a control character in a text value");
        }
    }

    /** The field's own message for a control character; every other binding error as before. */
    private record FieldMessage(BindingErrorProcessor next) implements BindingErrorProcessor {

        @Override
        public void processMissingFieldError(String field, BindingResult result) {
            next.processMissingFieldError(field, result);
        }

        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            if (!(e.getCause() instanceof ControlCharacterFound)) {
                next.processPropertyAccessException(e, result);
                return;
            }
            String field = e.getPropertyName();
            var error = new FieldError(result.getObjectName(), field, shown(e.getValue()), true,
                    result.resolveMessageCodes(FIELD_ERROR_CODE, field), null, "contains a control character");
            error.wrap(e);
            result.addError(error);
        }

        /** What was typed, each control character replaced by U+FFFD as an HTML parser would show it. */
        private static String shown(Object value) {
            String text = ObjectUtils.isArray(value)
                    ? StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(value))
                    : String.valueOf(value);
            var shown = new StringBuilder(text.length());
            text.chars().forEach(c -> shown.append(Text.hasControlCharacters(Character.toString(c)) ? '\uFFFD' : (char) c));
            return shown.toString();
        }
    }
}
