package org.beffroi.platform.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

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
@RequiredArgsConstructor
class ComponentsController {

    /** Each component's id and the fragment of the examples that shows it (a view name's parameters are named). */
    static final Map<String, String> COMPONENTS = components("breadcrumbs", "cards", "buttons", "links", "tags",
            "notices", "pager", "accordion",
            "text", "field(name='name', type='text', autocomplete='name', hinted=false)",
            "number", "field(name='seats', type='number', autocomplete='off', hinted=true)",
            "date", "field(name='day', type='date', autocomplete='off', hinted=false)",
            "time", "field(name='opens', type='time', autocomplete='off', hinted=false)",
            "datetime", "field(name='startsAt', type='datetime-local', autocomplete='off', hinted=false)",
            "url", "field(name='website', type='url', autocomplete='url', hinted=true)",
            "select", "radios", "checkboxes", "file", "error");
    private static final String EXAMPLES = "platform/admin/component-examples";

    /** A component, its live HTML and the same HTML to read. */
    public record Component(String id, String html) {
    }

    private final ThymeleafViewResolver views;

    @GetMapping("/admin/composants")
    String components(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        var example = new ComponentExample();
        BindingResult errors = new BeanPropertyBindingResult(example, "example");
        errors.rejectValue("email", "components.example.email.invalid");
        Map<String, Object> examples = new HashMap<>(model.asMap());
        examples.put("example", example);
        examples.put(BindingResult.MODEL_KEY_PREFIX + "example", errors);
        var components = new ArrayList<Component>();
        COMPONENTS.forEach((id, fragment) -> components.add(new Component(id, render(fragment, examples, request,
                response, locale))));
        model.addAttribute("components", components);
        return "platform/admin/components";
    }

    /** Ids, each followed by its fragment where that is not a fragment of the same name. */
    private static Map<String, String> components(String... idsAndFragments) {
        var components = new LinkedHashMap<String, String>();
        for (int i = 0; i < idsAndFragments.length; i++) {
            String id = idsAndFragments[i];
            boolean named = i + 1 < idsAndFragments.length && idsAndFragments[i + 1].contains("(");
            components.put(id, named ? idsAndFragments[++i] : id);
        }
        return components;
    }

    private String render(String fragment, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) {
        var html = new StringWriter();
        var writer = new PrintWriter(html);
        try {
            views.resolveViewName(EXAMPLES + " :: " + fragment, locale).render(model, request,
                    new HttpServletResponseWrapper(response) {
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
        } catch (Exception e) {
            throw new IllegalStateException("the example " + fragment + " could not be rendered", e);
        }
        writer.flush();
        // the fragment's own <div> holds it in the examples' file: what a service copies is what it holds
        String rendered = html.toString().strip();
        String inner = rendered.startsWith("<div>") && rendered.endsWith("</div>")
                ? rendered.substring("<div>".length(), rendered.length() - "</div>".length()) : rendered;
        return inner.stripIndent().strip().replaceAll("\n\\s*\n", "\n");
    }
}
