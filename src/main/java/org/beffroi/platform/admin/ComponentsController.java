package org.beffroi.platform.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beffroi.platform.PlatformModule.BackOffice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The design system's components, each live and with the HTML it renders to, for whoever builds the next service.
 * Each example is a fragment of {@code platform/admin/component-examples}, rendered here on its own through the
 * same view resolver as any page, so that the HTML shown is the HTML the fragment produces.
 */
@Controller
@BackOffice
class ComponentsController {

    static final List<String> COMPONENTS = List.of("breadcrumbs", "cards", "buttons", "links", "tags", "notices",
            "pager", "accordion", "text", "number", "date", "time", "datetime", "url", "select", "radios", "checkboxes",
            "file", "error");
    private static final String EXAMPLES = "platform/admin/component-examples";

    /** A component, its live HTML and the same HTML to read. */
    public record Component(String id, String html) {
    }

    private final ThymeleafViewResolver views;

    ComponentsController(ThymeleafViewResolver views) {
        this.views = views;
    }

    @GetMapping("/admin/composants")
    String components(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model)
            throws Exception {
        var example = new ComponentExample();
        BindingResult errors = new BeanPropertyBindingResult(example, "example");
        errors.rejectValue("email", "components.example.email.invalid");
        Map<String, Object> examples = new HashMap<>(model.asMap());
        examples.put("example", example);
        examples.put(BindingResult.MODEL_KEY_PREFIX + "example", errors);
        var components = new java.util.ArrayList<Component>();
        for (String id : COMPONENTS) {
            components.add(new Component(id, render(id, examples, request, response, locale)));
        }
        model.addAttribute("components", components);
        return "platform/admin/components";
    }

    private String render(String fragment, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws Exception {
        var view = views.resolveViewName(EXAMPLES + " :: " + fragment, locale);
        var html = new StringWriter();
        var writer = new PrintWriter(html);
        view.render(model, request, new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return writer;
            }

            @Override
            public ServletOutputStream getOutputStream() {
                throw new IllegalStateException("an example is written as text");
            }

            @Override
            public void flushBuffer() {
                writer.flush();
            }
        });
        writer.flush();
        return html.toString().strip().replaceAll("\n\\s*\n", "\n");
    }
}
