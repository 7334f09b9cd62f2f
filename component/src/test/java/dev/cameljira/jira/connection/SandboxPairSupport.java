package dev.cameljira.jira.connection;

import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the connection tests that need a real (emulated) Jira: one Cloud and one Data Center sandbox per test class,
 * both validating every exchange against Atlassian's spec, and a fresh {@link CamelFixture} per test (so every test
 * starts with new endpoints: new clients, pools, detected deployments and metadata caches).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxPairSupport {

    protected JiraSandbox cloud;
    protected JiraSandbox server;
    protected CamelFixture camel;

    @BeforeAll
    void startSandboxes() {
        cloud = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).validateAgainstSpec(validateAgainstSpec()).build();
        server = JiraSandbox.builder().mode(JiraSandbox.Mode.SERVER).validateAgainstSpec(validateAgainstSpec()).build();
    }

    /** Whether the sandboxes check every exchange against the spec (default); a load test may turn it off. */
    protected boolean validateAgainstSpec() {
        return true;
    }

    @AfterAll
    void stopSandboxes() {
        if (cloud != null) {
            cloud.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshContext() {
        for (JiraSandbox s : List.of(cloud, server)) {
            s.admin().faults().reset();
            s.admin().clearRequests();
            s.admin().clearSpecViolations();
        }
        camel = CamelFixture.start(this::setup);
    }

    /** Hook: beans, routes, component options for this class's contexts. */
    protected void setup(CamelContext context, JiraComponent jira) throws Exception {
    }

    @AfterEach
    void closeContextAndCheckSpec() {
        camel.close();
        assertThat(cloud.admin().specViolations()).as("exchanges with the Cloud sandbox must conform to the Cloud spec").isEmpty();
        assertThat(server.admin().specViolations()).as("exchanges with the Data Center sandbox must conform to the DC spec")
                .isEmpty();
    }

    /** The sandbox of a mode. */
    protected JiraSandbox sandbox(JiraSandbox.Mode mode) {
        return mode == JiraSandbox.Mode.CLOUD ? cloud : server;
    }

    /** {@code jira:<operation>?jiraUrl=<sandbox>&<options>}. */
    protected static String uri(String operation, JiraSandbox sandbox, String options) {
        return "jira:" + operation + "?jiraUrl=" + sandbox.baseUrl() + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    /** The admin's basic credentials as URI options: e-mail + apiToken on Cloud, user name + password on Data Center. */
    protected static String adminBasic(JiraSandbox sandbox) {
        return sandbox.mode() == JiraSandbox.Mode.CLOUD
                ? "username=" + SandboxUsers.ADMIN_EMAIL + "&apiToken=" + SandboxUsers.ADMIN_TOKEN
                : "username=" + SandboxUsers.ADMIN_NAME + "&password=" + SandboxUsers.ADMIN_TOKEN;
    }

    /** Exchanges the sandbox received for a method and exact path. */
    protected static List<HttpExchangeRecord> requests(JiraSandbox sandbox, String method, String path) {
        return sandbox.admin().requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Exchanges the sandbox received whose path starts with a prefix. */
    protected static List<HttpExchangeRecord> requestsUnder(JiraSandbox sandbox, String pathPrefix) {
        return sandbox.admin().requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Headers of a createIssue message in project DEMO. */
    protected static Map<String, Object> newIssue(String type, String summary) {
        return Map.of(JiraConstants.PROJECT_KEY, SandboxUsers.DEMO_PROJECT_KEY,
                JiraConstants.ISSUE_TYPE_NAME, type,
                JiraConstants.SUMMARY, summary);
    }
}
