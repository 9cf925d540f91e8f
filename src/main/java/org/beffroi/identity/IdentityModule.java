package org.beffroi.identity;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.AgentServiceRepository;
import org.beffroi.identity.internal.DemoAccounts;
import org.beffroi.identity.internal.OidcLinks;
import org.beffroi.identity.internal.Tokens;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.Role;
import org.beffroi.platform.ServiceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Accounts in the back office, the account holder's data, and the demo accounts. */
@Component
@RequiredArgsConstructor
public class IdentityModule implements ServiceModule {

    public static final Permission MANAGE_USERS = Permission.of(ManageUsers.AUTHORITY, ADMINISTRATOR);
    public static final Permission MANAGE_SERVICES = Permission.of(ManageServices.AUTHORITY, ADMINISTRATOR);

    /** An address not confirmed within a week was not wanted: the account goes. */
    static final Duration PENDING_RETENTION = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(IdentityModule.class);

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final AgentServiceRepository services;
    private final OidcLinks links;
    private final Tokens tokens;
    private final DemoAccounts demoAccounts;
    private final Clock clock;

    @Override
    public String id() {
        return "identity";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE_USERS, MANAGE_SERVICES);
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.users", "/admin/utilisateurs", MANAGE_USERS, 20),
                MenuEntry.restricted("admin.menu.services", "/admin/services", MANAGE_SERVICES, 30));
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        long accountId = subject.accountId();
        return accounts.findById(accountId).<Map<String, Object>>map(a -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("email", a.email());
            data.put("displayName", a.displayName());
            data.put("status", a.status().name());
            data.put("roles", a.roles().stream().map(Role::name).sorted().toList());
            data.put("services", services.findAll().stream().filter(s -> a.serviceIds().contains(s.id()))
                    .map(AgentService::name).toList());
            data.put("createdAt", String.valueOf(a.createdAt()));
            data.put("confirmedAt", String.valueOf(a.confirmedAt()));
            data.put("lastLoginAt", String.valueOf(a.lastLoginAt()));
            data.put("passwordSet", a.passwordHash() != null);
            data.put("linkedProviders", links.providersOf(accountId));
            return data;
        }).orElse(Map.of());
    }

    @Override
    public void erasePersonalData(DataSubject subject) {
        accountService.deleteAccount(subject.accountId());
    }

    @Override
    public void applyRetention() {
        int removed = accounts.deletePendingCreatedBefore(clock.instant().minus(PENDING_RETENTION));
        tokens.deleteExpired();
        if (removed > 0) {
            log.info("{} unconfirmed account(s) removed", removed);
        }
    }

    /** The demo's agent services and accounts: see {@link DemoAccounts}. */
    @Override
    public void seedDemoData() {
        demoAccounts.seed();
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_USERS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageUsers.AUTHORITY + "')")
    public @interface ManageUsers {
        String AUTHORITY = "identity:users";
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_SERVICES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageServices.AUTHORITY + "')")
    public @interface ManageServices {
        String AUTHORITY = "identity:services";
    }
}
