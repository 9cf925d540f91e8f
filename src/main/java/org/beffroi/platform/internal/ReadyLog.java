package org.beffroi.platform.internal;

import java.lang.management.ManagementFactory;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where Beffroi answers, once it does. */
@Component
@RequiredArgsConstructor
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final PublicAddress publicAddress;

    @EventListener
    void ready(ApplicationReadyEvent event) {
        log.info("Beffroi is ready on {} ({} ms after the JVM started)",
                publicAddress.base(),
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
