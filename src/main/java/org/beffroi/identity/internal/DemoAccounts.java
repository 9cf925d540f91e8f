package org.beffroi.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo commune's agent services and four accounts, one per kind of person; their passwords are printed in the
 * log, in the demo only.
 */
@Component
@RequiredArgsConstructor
public class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository accounts;
    private final AgentServiceRepository services;
    private final PasswordEncoder encoder;

    /** Adds the services if there are none, and each account whose address is not taken. */
    public void seed() {
        if (services.findAll().isEmpty()) {
            services.insert("Accueil et état civil", "etat-civil@belvoir.example", "04 00 00 00 01");
            services.insert("Services techniques", "technique@belvoir.example", "04 00 00 00 02");
            services.insert("Enfance et écoles", "enfance@belvoir.example", "04 00 00 00 03");
        }
        var demo = List.of(
                new DemoAccount("admin@belvoir.example", "Claire Administratrice", "belvoir-admin-2026",
                        EnumSet.of(Role.ADMINISTRATOR)),
                new DemoAccount("agent@belvoir.example", "Marc Agent", "belvoir-agent-2026", EnumSet.of(Role.AGENT)),
                new DemoAccount("habitant@belvoir.example", "Jeanne Habitante", "belvoir-habitant-2026",
                        EnumSet.of(Role.RESIDENT)),
                new DemoAccount("elu@belvoir.example", "Louis Élu", "belvoir-elu-2026", EnumSet.of(Role.ELECTED)));
        for (var account : demo) {
            if (accounts.findByEmail(account.email()).isEmpty()) {
                long id = accounts.insert(account.email(), account.name(), encoder.encode(account.password()),
                        AccountStatus.ACTIVE, account.roles());
                if (account.roles().contains(Role.AGENT)) {
                    services.findAll().stream().findFirst().ifPresent(s -> accounts.setServices(id, Set.of(s.id())));
                }
            }
        }
        log.info("""

                ----------------------------------------------------------------
                  Demo accounts (demo profile only):
                    administrator  {} / {}
                    agent          {} / {}
                    resident       {} / {}
                    elected        {} / {}
                ----------------------------------------------------------------""",
                demo.get(0).email(), demo.get(0).password(), demo.get(1).email(), demo.get(1).password(),
                demo.get(2).email(), demo.get(2).password(), demo.get(3).email(), demo.get(3).password());
    }

    private record DemoAccount(String email, String name, String password, EnumSet<Role> roles) {
    }
}
