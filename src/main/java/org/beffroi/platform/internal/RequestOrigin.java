package org.beffroi.platform.internal;

import java.util.Optional;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the current request comes from. Behind a reverse proxy, Tomcat's RemoteIpValve (enabled by
 * {@code server.forward-headers-strategy}) has already put the client's address in place.
 */
final class RequestOrigin {

    private RequestOrigin() {
    }

    static Optional<String> clientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getRequest().getRemoteAddr())
                : Optional.empty();
    }
}
