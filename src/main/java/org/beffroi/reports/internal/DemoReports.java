package org.beffroi.reports.internal;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo commune's routing: every category without a service goes to its technical services. */
@Component
@RequiredArgsConstructor
public class DemoReports {

    static final String DEMO_SERVICE = "Services techniques";

    private final Accounts accounts;
    private final JdbcClient jdbc;

    public void seed() {
        accounts.services().stream().filter(s -> s.name().equals(DEMO_SERVICE)).findFirst()
                .ifPresent(service -> jdbc.sql("update reports_category set service_id = ? where service_id is null")
                        .param(service.id()).update());
    }
}
