package org.beffroi.platform.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns the start failures an operator can fix into Spring Boot's short report naming the setting (the stack trace
 * is logged at debug level only): a bad setting, and a database that does not answer. Registered in
 * {@code META-INF/spring.factories}.
 */
@RequiredArgsConstructor
class StartFailures implements FailureAnalyzer {

    private final Environment environment;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        boolean sql = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadSettingException bad) {
                return new FailureAnalysis(bad.getMessage(), "Set " + bad.setting() + " and start again.", bad);
            }
            sql |= cause instanceof SQLException;
            if (sql && (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException)) {
                return new FailureAnalysis("BEFFROI_DB_URL: the database at "
                        + environment.getProperty("spring.datasource.url") + " does not answer (" + cause + ")",
                        "Start the database server, or set BEFFROI_DB_URL (with BEFFROI_DB_USER and "
                                + "BEFFROI_DB_PASSWORD) to one that answers, and start again.", cause);
            }
        }
        return null;
    }
}
