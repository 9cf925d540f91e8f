package org.beffroi.identity.internal;

import org.beffroi.platform.PlatformModule;
import org.beffroi.platform.ServiceModules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Who may reach what, how people sign in and out, and the security headers of every answer. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No inline script or style anywhere: the theme is a stylesheet, scripts are files. Map tiles are
     * the only images from elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /**
     * The one provider of password sign-in, for the whole application (a bean, so that Spring Security
     * builds no other from a user lookup). The password is checked before the account's state, so that
     * only someone who knows the password learns that the account is not confirmed yet.
     */
    @Bean
    DaoAuthenticationProvider passwordAuthentication(AccountRepository accounts, ServiceModules modules,
            PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts, modules));
        provider.setPasswordEncoder(encoder);
        UserDetailsChecker nothing = user -> { };
        provider.setPreAuthenticationChecks(nothing);
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * The page someone asked for before being sent to sign in, kept in a cookie for the sign-in to return to
     * (ADR 0028): kept in the session, it would store a session for every visitor sent to the sign-in page.
     * Only the path is kept, and only a page's (GET, not an htmx fragment).
     */
    @Bean
    RequestCache pageBeforeSignIn(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        var cache = new CookieRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        cache.setCookieCustomizer(cookie -> {
            cookie.setAttribute("SameSite", "Lax");
            cookie.setSecure(secure || cookie.getSecure());
        });
        return cache;
    }

    /** Visitors' CSRF tokens in a cookie, signed-in people's in their session (ADR 0028). */
    @Bean
    CsrfTokenRepository csrfTokens(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        return new SessionOrCookieCsrfTokenRepository(secure);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, SignInHandlers handlers, ServiceModules modules,
            LoginAttempts attempts, ObjectProvider<ClientRegistrationRepository> oidcClients,
            AccountOidcUserService oidcUsers, RequestCache pageBeforeSignIn, CsrfTokenRepository csrfTokens)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**").hasAuthority(PlatformModule.BACK_OFFICE.authority())
                        .requestMatchers("/mon-compte/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").access(fromThisMachine())
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new PrivateCsrfTokenHandler())
                        .ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
                                && modules.pathsWithoutCsrf().contains(
                                        request.getRequestURI().substring(request.getContextPath().length()))))
                .requestCache(cache -> cache.requestCache(pageBeforeSignIn))
                .formLogin(form -> form.loginPage("/connexion").loginProcessingUrl("/connexion")
                        .successHandler(handlers).failureHandler(handlers).permitAll())
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnecte")
                        .invalidateHttpSession(true).deleteCookies("BEFFROI_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new LoginThrottle(attempts), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(SecurityConfiguration::keptByNobodyUnlessSaidOtherwise)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), payment=(), geolocation=(self)")));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/connexion")
                    .userInfoEndpoint(info -> info.oidcUserService(oidcUsers))
                    .successHandler(handlers).failureHandler(handlers));
        }
        return http.build();
    }

    /**
     * No cache, shared or not, keeps an answer unless the answer says how: stored files and styles say for how
     * long, the platform's page filter makes what anonymous visitors get public (ADR 0030). Written when the
     * answer is committed, so only where nothing was said.
     */
    private static void keptByNobodyUnlessSaidOtherwise(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)
                && response.getStatus() != HttpServletResponse.SC_NOT_MODIFIED) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }

    /** Metrics are scraped from the machine itself (or through a proxy there), never from outside. */
    private static AuthorizationManager<RequestAuthorizationContext> fromThisMachine() {
        var v4 = new IpAddressMatcher("127.0.0.1");
        var v6 = new IpAddressMatcher("::1");
        return (authentication, context) -> new AuthorizationDecision(
                v4.matches(context.getRequest()) || v6.matches(context.getRequest()));
    }
}
