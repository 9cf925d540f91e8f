package org.beffroi.platform.internal;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where Beffroi answers, once it does. */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        log.info("Beffroi is ready on {} ({} ms after the JVM started)",
                environment.getProperty("beffroi.base-url", "http://localhost:8080"),
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
