package dev.cameljira.jira.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    private final HttpClient http = HttpClient.newHttpClient();

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

    /** GET of a sandbox REST path (below {@link #api()}) as the admin, bypassing the component; returns status and JSON. */
    protected JsonNode restGet(String path) {
        HttpResponse<byte[]> r = get(sandbox.baseUrl() + api() + path);
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " did not answer JSON", e);
        }
    }

    /** Status of a GET of a sandbox REST path below {@link #api()}. */
    protected int restStatus(String path) {
        return get(sandbox.baseUrl() + api() + path).statusCode();
    }

    /** Downloads an absolute URL (an attachment's content URL) as the admin. */
    protected byte[] download(String url) {
        HttpResponse<byte[]> r = get(url);
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<byte[]> get(String url) {
        String user = isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME;
        String auth = Base64.getEncoder().encodeToString((user + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + auth)
                .header("Accept", "application/json, */*").GET().build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
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
