package dev.cameljira.jira.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;

/**
 * Talks to the sandbox's REST API directly as its admin, bypassing the component: to seed state the component is not
 * under test for, and to check the outcome of an operation independently of the code that performed it.
 */
final class SandboxRest {

    /** Status and parsed body of one call. */
    record Reply(int status, JsonNode body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JiraSandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxRest(JiraSandbox sandbox) {
        this.sandbox = sandbox;
    }

    boolean cloud() {
        return sandbox.mode() == JiraSandbox.Mode.CLOUD;
    }

    /** {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
    String api(String path) {
        return "/rest/api/" + (cloud() ? 3 : 2) + path;
    }

    Reply get(String path) {
        return call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET());
    }

    Reply post(String path, JsonNode body) {
        return call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Creates a software project led by the admin; fails the test unless Jira answers 201. */
    void createProject(String key, String name, String typeKey) {
        var body = MAPPER.createObjectNode().put("key", key).put("name", name).put("projectTypeKey", typeKey);
        body.put(cloud() ? "leadAccountId" : "lead", cloud() ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME);
        Reply r = post(api("/project"), body);
        if (r.status() != 201) {
            throw new AssertionError("seeding project " + key + " failed: " + r.status() + " " + r.body());
        }
    }

    private Reply call(HttpRequest.Builder b) {
        String user = cloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME;
        String auth = Base64.getEncoder().encodeToString((user + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> resp = http.send(b.header("Authorization", "Basic " + auth).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = resp.body() == null || resp.body().isBlank() ? MissingNode.getInstance() : MAPPER.readTree(resp.body());
            return new Reply(resp.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError("sandbox call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
