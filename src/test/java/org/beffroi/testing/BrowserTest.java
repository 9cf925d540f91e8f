package org.beffroi.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Browser tests of the application the test run starts ({@link BeffroiTest}); see {@link BrowserChecks}. */
@BeffroiTest
public abstract class BrowserTest extends BrowserChecks {

    @LocalServerPort
    protected int port;

    @Autowired
    private ApplicationContext application;

    @BeforeEach
    void theApplicationsCsrfStorage() {
        // a browser gets the forms' CSRF tokens as in production, whatever a MockMvc test did before
        CsrfTokens.asTheApplicationKeepsThem(application);
    }

    @Override
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
