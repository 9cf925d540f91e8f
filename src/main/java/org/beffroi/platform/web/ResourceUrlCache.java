package org.beffroi.platform.web;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every link of every page goes through Spring's resource chain, which turns the webjars' paths into
 * versioned ones. For a path that is no static file ({@code /actualites}, {@code /connexion}…) the chain
 * looks through each static location, that is through every jar of the packaged application, link after
 * link, and keeps only what it found: on a page of some forty links this was most of the time spent serving
 * it. Each static-resource handler gets a first resolver that remembers both answers for links, per path
 * (bounded: some paths carry ids). Serving the files themselves is left as it was. The application's own
 * files do not change while it runs.
 */
@Component
@RequiredArgsConstructor
class ResourceUrlCache implements SmartInitializingSingleton {

    private final ApplicationContext context;

    @Override
    public void afterSingletonsInstantiated() {
        context.getBeansOfType(SimpleUrlHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMap().values().stream())
                .filter(ResourceHttpRequestHandler.class::isInstance).map(ResourceHttpRequestHandler.class::cast)
                .filter(handler -> handler.getResourceResolvers().stream().noneMatch(RememberedLinks.class::isInstance))
                .forEach(handler -> handler.getResourceResolvers().addFirst(new RememberedLinks()));
    }

    /** Remembers the link of each path, or that there is none; hands every request for a file on. */
    static final class RememberedLinks implements ResourceResolver {

        private final Cache<String, Optional<String>> links = Caffeine.newBuilder().maximumSize(10_000).build();

        @Override
        public Resource resolveResource(HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveResource(request, requestPath, locations);
        }

        @Override
        public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return links.get(resourcePath, path -> Optional.ofNullable(chain.resolveUrlPath(path, locations))).orElse(null);
        }
    }
}
