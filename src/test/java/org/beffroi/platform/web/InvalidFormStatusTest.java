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
        assertThat(statusAfter(409, "POST", form(true).modelAndView("admin/form"))).isEqualTo(409);
    }

    @Test
    void aResponseWithoutAViewIsNotTouched() {
        assertThat(statusAfter(200, "POST", null)).isEqualTo(200);
    }

    private int statusAfter(String method, Form form, String view) {
        return statusAfter(200, method, form.modelAndView(view));
    }

    private int statusAfter(int before, String method, ModelAndView view) {
        var response = new MockHttpServletResponse();
        response.setStatus(before);
        interceptor.postHandle(new MockHttpServletRequest(method, "/"), response, null, view);
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
