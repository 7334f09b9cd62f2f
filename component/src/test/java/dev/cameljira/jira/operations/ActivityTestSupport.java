package dev.cameljira.jira.operations;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared helpers of the comment, attachment, watcher, link, worklog and property contracts: reading the sandbox's state
 * over its own REST API (independently of the component), the seeded users' ids in the current mode, and the
 * "failed before any HTTP call" check.
 */
abstract class ActivityTestSupport extends JiraSandboxTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The admin's id in this mode: accountId on Cloud, user name on Data Center. */
    protected String adminId() {
        return isCloud() ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME;
    }

    /** The regular user's id in this mode. */
    protected String userId() {
        return isCloud() ? SandboxUsers.USER_ACCOUNT_ID : SandboxUsers.USER_NAME;
    }

    /** {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
    protected String api() {
        return "/rest/api/" + (isCloud() ? 3 : 2);
    }

    /** Requests the component sent whose path ends with the suffix. */
    protected List<HttpExchangeRecord> requestsTo(String method, String pathSuffix) {
        return sandbox.admin().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
                .toList();
    }

    /** Request body of a recorded exchange as JSON. */
    protected static JsonNode json(HttpExchangeRecord r) {
        try {
            return MAPPER.readTree(r.requestBody());
        } catch (IOException e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }

    /** Asserts the exchange failed with the exception type and that no request reached the sandbox. */
    protected <T extends Throwable> T failsBeforeHttp(Exchange ex, Class<T> type) {
        assertThat(ex.getException()).isInstanceOf(type);
        assertThat(sandbox.admin().requests()).as("no HTTP call for bad input").isEmpty();
        return type.cast(ex.getException());
    }

    protected static Map<String, Object> headers(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
