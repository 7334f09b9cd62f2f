package dev.cameljira.jira.catalog;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the catalog tests that resolve {@code jira:} endpoints: a fresh, started CamelContext per test, no routes. */
abstract class StartedContextTestSupport {

    protected CamelContext context;

    @BeforeEach
    void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }
}
