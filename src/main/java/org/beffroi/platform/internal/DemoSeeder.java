package org.beffroi.platform.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.ServiceModules;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** With the demo profile, each module adds the fictional commune's content, in module order, before the first request. */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE) // before the check for a first administrator: the demo has one
@RequiredArgsConstructor
class DemoSeeder implements ApplicationRunner {

    private final ServiceModules modules;
    private final TransactionTemplate transaction;

    @Override
    public void run(ApplicationArguments args) {
        modules.all().forEach(module -> transaction.executeWithoutResult(status -> module.seedDemoData()));
    }
}
