package org.beffroi.identity.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (ADR 0011) for requests of one session that run at once (ADR 0028): two requests
 * that both add the same attribute to the session (a message for the next page, the CSRF token) both write it.
 * Spring Session inserts it, and the second insert broke the primary key: that request failed. It is written by
 * an upsert instead, the statement Spring Session ships for PostgreSQL and H2's equivalent; the last one wins.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /** H2 has no {@code ON CONFLICT … DO UPDATE}; its {@code MERGE … KEY} updates the row or inserts it, atomically. */
    private static final String H2_CREATE_SESSION_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    /** Applied after Spring Boot's own customizer, which sets the table name (and with it the default statements). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpserted(DataSource dataSource)
            throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return switch (DatabaseDriver.fromProductName(database)) {
            case POSTGRESQL -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
            case H2 -> sessions -> sessions.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE);
            default -> throw new IllegalStateException("Beffroi keeps its sessions on H2 or PostgreSQL, not " + database);
        };
    }
}
