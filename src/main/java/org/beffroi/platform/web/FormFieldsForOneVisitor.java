package org.beffroi.platform.web;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks the request when a page has written into a form a hidden field meant for this visitor alone — the CSRF
 * token that Spring Security adds to every form that posts — so that the page is never shared (ADR 0030),
 * wherever the token itself is kept (a session, a cookie). Every {@code th:action} form goes through the
 * application's {@link RequestDataValueProcessor}; this wraps it.
 */
@Component
class FormFieldsForOneVisitor implements BeanPostProcessor {

    private static final String WRITTEN = FormFieldsForOneVisitor.class.getName() + ".WRITTEN";

    /** Whether the page rendered for this request holds such a field. */
    static boolean written(HttpServletRequest request) {
        return request.getAttribute(WRITTEN) != null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof RequestDataValueProcessor processor && !(bean instanceof Marking)
                ? new Marking(processor) : bean;
    }

    private record Marking(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = delegate.getExtraHiddenFields(request);
            if (fields != null && !fields.isEmpty()) {
                request.setAttribute(WRITTEN, Boolean.TRUE);
            }
            return fields;
        }

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            return delegate.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
