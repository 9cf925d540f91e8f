package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;

/** A form sent back with its errors answers 400; nothing else has its status changed. */
class InvalidFormStatusTest {

    private final InvalidFormStatus interceptor = new InvalidFormStatus();

    @Test
    void aSubmissionRenderedAgainWithErrorsAnswers400() {
        assertThat(statusAfter("POST", form(true), "admin/form")).isEqualTo(400);
    }

    @Test
    void aSubmissionWithoutErrorsKeepsItsStatus() {
        assertThat(statusAfter("POST", form(false), "admin/form")).isEqualTo(200);
    }

    @Test
    void aRedirectIsNotTouched() {
        assertThat(statusAfter("POST", form(true), "redirect:/admin")).isEqualTo(200);
    }

    @Test
    void aReadIsNotTouched() {
        assertThat(statusAfter("GET", form(true), "agenda/index")).isEqualTo(200);
    }

    @Test
    void aStatusSetForAnotherReasonIsKept() {
        var request = new MockHttpServletRequest("POST", "/");
        var response = new MockHttpServletResponse();
        response.setStatus(409);
        interceptor.postHandle(request, response, null, form(true).modelAndView("admin/form"));
        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aResponseWithoutAViewIsNotTouched() {
        var response = new MockHttpServletResponse();
        interceptor.postHandle(new MockHttpServletRequest("POST", "/"), response, null, null);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private int statusAfter(String method, Form form, String view) {
        var response = new MockHttpServletResponse();
        interceptor.postHandle(new MockHttpServletRequest(method, "/"), response, null, form.modelAndView(view));
        return response.getStatus();
    }

    private static Form form(boolean withErrors) {
        var target = new Object();
        var result = new BeanPropertyBindingResult(target, "form");
        if (withErrors) {
            result.reject("invalid");
        }
        return new Form(target, result);
    }

    private record Form(Object target, BindingResult result) {
        ModelAndView modelAndView(String view) {
            var mav = new ModelAndView(view);
            mav.addObject("form", target);
            mav.addObject(BindingResult.MODEL_KEY_PREFIX + "form", result);
            return mav;
        }
    }
}
