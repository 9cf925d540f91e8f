package org.beffroi.alerts;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.util.List;
import java.util.Map;

import org.beffroi.alerts.internal.VulnerablePeople;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.stereotype.Component;

/** The alerts module's menus and permissions. */
@Component
public class AlertsModule implements ServiceModule {

    private final VulnerablePeople register;

    AlertsModule(VulnerablePeople register) {
        this.register = register;
    }

    /** Compose and send alerts and newsletters. */
    public static final Permission SEND_ALERTS = Permission.of("alerts", "send", AGENT, ADMINISTRATOR);
    /** See and keep the register of vulnerable people: personal and health data, few people. */
    public static final Permission VULNERABLE_REGISTER = Permission.of("alerts", "register", ADMINISTRATOR);

    @Override
    public String id() {
        return "alerts";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(SEND_ALERTS, VULNERABLE_REGISTER);
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(registerMenu());
    }

    private static MenuEntry registerMenu() {
        return MenuEntry.restricted("register.admin.menu", "/admin/registre", VULNERABLE_REGISTER, 62);
    }

    @Override
    public Map<String, Object> exportPersonalData(long accountId) {
        var entries = register.export(accountId);
        return entries.isEmpty() ? Map.of() : Map.of("vulnerableRegister", entries);
    }

    @Override
    public void erasePersonalData(long accountId) {
        register.eraseAccount(accountId);
    }

    /** Register entries left unconfirmed too long after their yearly review was due. */
    @Override
    public void applyRetention() {
        register.applyRetention();
    }
}
