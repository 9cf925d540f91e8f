package org.beffroi.portal.internal;

import java.util.Objects;

import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether an address of this site leads to a page: a page at a fixed address (a GET route without a variable, such
 * as {@code /agenda}) or a public page a module hands to the search ({@code /pages/horaires},
 * {@code /quartiers/le-moulin}). What follows {@code ?} or {@code #} is not looked at.
 */
@Component
public class SitePages {

    private final RequestMappingHandlerMapping routes;
    private final ServiceModules modules;

    SitePages(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes, ServiceModules modules) {
        this.routes = routes;
        this.modules = modules;
    }

    public boolean exists(String address) {
        String path = address.replaceFirst("[?#].*", "");
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        var parsed = PathContainer.parsePath(path);
        boolean fixedRoute = routes.getHandlerMethods().keySet().stream().filter(SitePages::answersGet)
                .map(RequestMappingInfo::getPathPatternsCondition).filter(Objects::nonNull)
                .flatMap(condition -> condition.getPatterns().stream())
                .anyMatch(pattern -> pattern.getPatternString().indexOf('{') < 0
                        && pattern.getPatternString().indexOf('*') < 0 && pattern.matches(parsed));
        return fixedRoute || modules.all().stream().flatMap(ServiceModule::searchDocuments)
                .anyMatch(document -> path.equals(document.url()));
    }

    private static boolean answersGet(RequestMappingInfo route) {
        var methods = route.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }
}
