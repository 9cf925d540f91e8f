package org.beffroi.platform.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error ends here: a page in the site's look for people, an RFC 9457 problem detail under
 * {@code /api/}. Never a stack trace.
 */
@Controller
@RequiredArgsConstructor
class PlatformErrorController implements ErrorController {

    private static final String EXPLANATION = PlatformErrorController.class.getName() + ".explanation";

    private final MessageSource messages;

    /**
     * Has the error page of this request say why, rather than what its status says: {@code key.title} and
     * {@code key.text} in the messages. Call it before {@code sendError}.
     */
    static void explain(HttpServletRequest request, String key) {
        request.setAttribute(EXPLANATION, key);
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        HttpStatus status = status(request);
        String explained = request.getAttribute(EXPLANATION) instanceof String value ? value : null;
        String key = explained != null ? explained : errorKey(status);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            var problem = ProblemDetail.forStatus(status);
            problem.setTitle(status.getReasonPhrase());
            if (explained != null) {
                problem.setDetail(messages.getMessage(explained + ".text", null, null, locale));
            }
            problem.setInstance(URI.create(path));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        model.addAllAttributes(Map.of("status", status.value(), "errorKey", key));
        return "error";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String errorKey(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, FORBIDDEN, TOO_MANY_REQUESTS, CONTENT_TOO_LARGE, BAD_REQUEST, METHOD_NOT_ALLOWED ->
                "error." + status.value();
            default -> status.is4xxClientError() ? "error.400" : "error.500";
        };
    }
}
