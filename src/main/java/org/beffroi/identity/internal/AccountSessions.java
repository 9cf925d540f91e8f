package org.beffroi.identity.internal;

import lombok.RequiredArgsConstructor;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions on every node: when its roles change (the new rights apply at the next
 * sign-in), when its password changes (other devices are signed out) and when it is erased.
 */
@Component
@RequiredArgsConstructor
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    /** The name sessions are indexed by: the account id, whatever the way of signing in. */
    static String principalName(long accountId) {
        return Long.toString(accountId);
    }

    public void endAll(long accountId) {
        endAllExcept(accountId, null);
    }

    public void endAllExcept(long accountId, String keptSessionId) {
        sessions.findByPrincipalName(principalName(accountId)).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
