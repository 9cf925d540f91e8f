package org.beffroi.alerts.internal;

import org.beffroi.alerts.AlertsModule;
import org.beffroi.platform.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see what of the alerts, beyond the permission each back-office page checks: the one place the module's
 * controllers and services ask, for the person signed in.
 */
@Component
public class AlertsPolicy {

    /**
     * The register of vulnerable people: its pages, its entries, a crisis's call list. Those without it are not
     * told that the register exists (its pages answer 404).
     */
    public boolean mayReadTheRegister() {
        return holds(AlertsModule.VULNERABLE_REGISTER);
    }

    /** Every subscriber's address at once (the list itself is read a page at a time by whoever sends alerts). */
    public boolean mayExportSubscribers() {
        return holds(AlertsModule.EXPORT_SUBSCRIBERS);
    }

    private static boolean holds(Permission permission) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(granted -> permission.authority().equals(granted.getAuthority()));
    }
}
