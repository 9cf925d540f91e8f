package org.beffroi.procedures.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filling page posted after its session expired, without script: the form's CSRF token was its session's, so the
 * security chain would refuse it and the answers typed would be lost. Placed before the chain, this keeps what the
 * page posted in a new session under the draft's id and sends the person to the page, which sends them to sign in;
 * once signed in as the draft's owner, the page merges the answers into the draft. Nothing is written to the draft
 * here: only the person's own new session holds the answers, and only the draft's owner, signed in, gets them
 * merged, so a forged post (which needs the draft's secret id anyway) cannot change a draft.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 2)
@RequiredArgsConstructor
class ExpiredSessionFilter extends OncePerRequestFilter {

    private static final Pattern PAGE = Pattern.compile("/demarches/([a-z][a-z0-9_-]{0,79})/brouillons/"
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([0-9]{1,3})");

    private final DraftDesk drafts;
    private final ProcedureStore procedures;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getSession(false) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        UUID id = UUID.fromString(path.group(2));
        int page = Integer.parseInt(path.group(3));
        var version = drafts.versionOf(id).flatMap(procedures::version)
                .filter(v -> procedures.findBySlug(path.group(1)).filter(p -> p.id() == v.procedureId()).isPresent());
        if (version.isEmpty() || !drafts.needsSignIn(id, null) || page < 1
                || page > version.get().definition().pages().size()) {
            chain.doFilter(request, response);
            return;
        }
        var fields = version.get().definition().pages().get(page - 1).fields();
        DraftController.keep(request, id, FormPages.read(fields, request));
        response.sendRedirect(request.getContextPath() + path.group());
    }
}
