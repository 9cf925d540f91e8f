package org.beffroi.alerts.admin;

import org.beffroi.alerts.internal.AlertsPolicy;
import org.beffroi.platform.NotFoundException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The register's back-office pages answer 404, not 403, to a staff member the alerts' policy does not let read it:
 * they do not learn that the register exists, nor whether an id is in it. (Anonymous visitors never get
 * here: the back office sends them to sign in first.)
 */
@Configuration(proxyBeanMethods = false)
class RegisterAccess implements WebMvcConfigurer {

    static final String PATH = "/admin/registre";

    private final AlertsPolicy policy;

    RegisterAccess(AlertsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!policy.mayReadTheRegister()) {
                    throw new NotFoundException();
                }
                return true;
            }
        }).addPathPatterns(PATH, PATH + "/**");
    }
}
