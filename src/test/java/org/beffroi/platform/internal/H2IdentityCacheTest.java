package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.TestProfiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On H2, every identity column of the migrated schema keeps a reserve of a thousand values (the history of a case
 * among them).
 */
@BeffroiTest
class H2IdentityCacheTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyIdentityColumnKeepsAThousandValues() {
        Assumptions.assumeFalse(TestProfiles.onPostgres(), "the reserve is set on H2 only");
        var reserves = jdbc.sql("""
                select table_name, identity_cache from information_schema.columns
                where is_identity = 'YES' and table_schema = current_schema""")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list();
        assertThat(reserves).contains("procedures_case_event=1000", "platform_audit_log=1000")
                .allMatch(r -> r.endsWith("=1000"));
    }
}
