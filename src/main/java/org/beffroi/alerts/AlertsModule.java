package org.beffroi.alerts;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.util.List;

import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.stereotype.Component;

/** The alerts module's menus and permissions. */
@Component
public class AlertsModule implements ServiceModule {

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
}
