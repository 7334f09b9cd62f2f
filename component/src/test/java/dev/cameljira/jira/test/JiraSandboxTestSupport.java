package dev.cameljira.jira.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.client.JiraAuth;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraClientConfig;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the component tests: one sandbox Jira per test class (Cloud or Data Center as {@link #mode()} says) that
 * validates every request it receives and every response it sends against Atlassian's OpenAPI spec, and a
 * CamelContext whose jira component points at it with the seeded admin's credentials. After each test, the spec
 * violations the sandbox recorded must be none: a request the component sends that Jira's spec would reject, or a call
 * to a deprecated operation, fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JiraSandboxTestSupport {

    private static final java.net.http.HttpClient ADMIN_HTTP = java.net.http.HttpClient.newHttpClient();

    protected JiraSandbox sandbox;
    protected CamelContext context;
    protected ProducerTemplate template;
    /** Retry delays the clients of {@link #recordingClient} asked for (they never sleep). */
    protected final List<java.time.Duration> sleeps = new ArrayList<>();
    private final List<JiraClient> clients = new ArrayList<>();

    /** The deployment this test class runs against. */
    protected abstract JiraSandbox.Mode mode();

    protected boolean isCloud() {
        return mode() == JiraSandbox.Mode.CLOUD;
    }

    @BeforeAll
    void startSandbox() throws Exception {
        JiraSandbox.Builder builder = JiraSandbox.builder().mode(mode()).validateAgainstSpec(true);
        configureSandbox(builder);
        sandbox = builder.build();
        context = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        JiraConfiguration c = jira.getConfiguration();
        c.setJiraUrl(sandbox.baseUrl());
        c.setUsername(isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME);
        c.setApiToken(SandboxUsers.ADMIN_TOKEN);
        context.addComponent("jira", jira);
        // for endpoints that provoke retries: jiraClient=#recordingClient waits by recording, not sleeping
        context.getRegistry().bind("recordingClient", recordingClient(null));
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /**
     * A client for the sandbox as its admin that records its retry waits in {@link #sleeps} instead of sleeping (the
     * injectable jiraClient option); closed after the class.
     */
    protected JiraClient recordingClient(JiraCallListener listener) {
        JiraClientConfig.Builder b = JiraClientConfig.builder(sandbox.baseUrl())
                .auth(JiraAuth.basic(isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN))
                .sleeper(d -> {
                    synchronized (sleeps) {
                        sleeps.add(d);
                    }
                });
        if (listener != null) {
            b.callListener(listener);
        }
        JiraClient client = new JiraClient(b.build());
        clients.add(client);
        return client;
    }

    /** Hook for subclasses: adjust the sandbox before it starts (e.g. a test clock or time zone). */
    protected void configureSandbox(JiraSandbox.Builder builder) {
    }

    /** Hook for subclasses: add routes or beans before the context starts. */
    protected void configure(CamelContext context) throws Exception {
    }

    @AfterAll
    void stopSandbox() throws Exception {
        if (context != null) {
            context.stop();
        }
        clients.forEach(JiraClient::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void resetRecording() {
        sandbox.admin().faults().reset();
        sandbox.admin().clearRequests();
        sandbox.admin().clearSpecViolations();
        synchronized (sleeps) {
            sleeps.clear();
        }
    }

    @AfterEach
    void noSpecViolations() {
        assertThat(sandbox.admin().specViolations())
                .as("requests sent and responses received must conform to Atlassian's %s spec", mode())
                .isEmpty();
    }

    /** Sends to a jira: URI and returns the exchange (exception included, not thrown). */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, ex -> {
            ex.getIn().setBody(body);
            if (headers != null) {
                ex.getIn().getHeaders().putAll(headers);
            }
        });
    }

    /** Sends and returns the result body; rethrows the exchange's exception. */
    protected Object call(String uri, Object body, Map<String, Object> headers) {
        Exchange ex = send(uri, body, headers);
        if (ex.getException() != null) {
            throw new AssertionError("exchange failed: " + ex.getException(), ex.getException());
        }
        return ex.getMessage().getBody();
    }

    /** Creates an issue through the sandbox's admin API (not through the component) and returns its key. */
    protected String seedIssue(String summary) {
        return sandbox.admin().createIssue("DEMO", "Task", summary);
    }

    /**
     * GET of a REST path below {@code /rest/api/3} (Cloud) or {@code /rest/api/2} (Data Center) as the seeded admin,
     * bypassing the component: what the sandbox really stores. Fails unless Jira answers 200 with JSON.
     */
    protected com.fasterxml.jackson.databind.JsonNode restGet(String path) {
        java.net.http.HttpResponse<byte[]> r = adminGet(sandbox.baseUrl() + "/rest/api/" + (isCloud() ? 3 : 2) + path);
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + " did not answer JSON", e);
        }
    }

    /** Status of an admin GET of a REST path below {@code /rest/api/{3|2}}. */
    protected int restStatus(String path) {
        return adminGet(sandbox.baseUrl() + "/rest/api/" + (isCloud() ? 3 : 2) + path).statusCode();
    }

    /** Downloads an absolute URL (an attachment's content URL) as the admin. */
    protected byte[] download(String url) {
        java.net.http.HttpResponse<byte[]> r = adminGet(url);
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
    }

    private java.net.http.HttpResponse<byte[]> adminGet(String url) {
        String user = isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME;
        String auth = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Basic " + auth).header("Accept", "application/json, */*").GET().build();
        try {
            return ADMIN_HTTP.send(req, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
