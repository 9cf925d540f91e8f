package org.beffroi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A form sent back with errors answers 400: a submission (any method but GET and HEAD) that renders a page,
 * rather than redirecting, while its model holds a binding result with errors. Controllers re-render the
 * form and say nothing of the status; one they set themselves for another reason (409, 429…) is kept.
 */
class InvalidFormStatus implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || isRead(request) || isRedirect(view) || response.getStatus() != HttpStatus.OK.value()) {
            return;
        }
        boolean invalid = view.getModel().values().stream()
                .anyMatch(value -> value instanceof BindingResult result && result.hasErrors());
        if (invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    private static boolean isRedirect(ModelAndView view) {
        return view.getView() instanceof RedirectView
                || view.getViewName() != null && view.getViewName().startsWith("redirect:");
    }
}
