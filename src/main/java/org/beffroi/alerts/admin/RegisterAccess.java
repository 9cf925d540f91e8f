package org.beffroi.alerts.admin;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.platform.NotFoundException;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The register's back-office pages answer 404, not 403, to a staff member without the register permission:
 * they do not learn that the register exists, nor whether an id is in it. (Anonymous visitors never get
 * here: the back office sends them to sign in first.)
 */
@Configuration(proxyBeanMethods = false)
class RegisterAccess implements WebMvcConfigurer {

    static final String PATH = "/admin/registre";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                String needed = AlertsModule.VULNERABLE_REGISTER.authority();
                if (authentication == null
                        || authentication.getAuthorities().stream().noneMatch(a -> needed.equals(a.getAuthority()))) {
                    throw new NotFoundException();
                }
                return true;
            }
        }).addPathPatterns(PATH, PATH + "/**");
    }
}
