package org.beffroi.testing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages the application declares: the GET addresses of its controllers, as Spring MVC maps them, less those
 * declared to produce something else than HTML (feeds, calendars, JSON, files). A test that visits every page takes
 * its list here, so that a new page is visited without anyone adding it.
 */
public final class DeclaredPages {

    private DeclaredPages() {
    }

    /** The addresses without a path variable (nor wildcard), sorted. */
    public static List<String> withoutVariables(RequestMappingHandlerMapping mapping) {
        return patterns(mapping, pattern -> !pattern.contains("{") && !pattern.contains("*"));
    }

    /** The address patterns with a path variable, such as {@code /actualites/{slug}}, sorted. */
    public static List<String> withVariables(RequestMappingHandlerMapping mapping) {
        return patterns(mapping, pattern -> pattern.contains("{") && !pattern.contains("*"));
    }

    private static List<String> patterns(RequestMappingHandlerMapping mapping, Predicate<String> kept) {
        Set<String> patterns = new TreeSet<>();
        mapping.getHandlerMethods().keySet().stream().filter(DeclaredPages::isHtmlGet)
                .forEach(info -> info.getPatternValues().stream().filter(kept).forEach(patterns::add));
        return List.copyOf(patterns);
    }

    private static boolean isHtmlGet(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
        return get && producesHtml(info.getProducesCondition().getProducibleMediaTypes());
    }

    private static boolean producesHtml(Collection<MediaType> produced) {
        return produced.isEmpty() || produced.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    }
}
