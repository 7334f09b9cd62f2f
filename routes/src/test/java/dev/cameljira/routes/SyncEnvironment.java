package dev.cameljira.routes;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.servicenow.ServiceNowComponent;
import org.apache.camel.component.zendesk.ZendeskComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One sync under test: the sandbox (Jira, Zendesk and ServiceNow on one port), a CamelContext whose jira, zendesk and
 * servicenow components point at it (from their own configuration, as users set them), an optional platform-http
 * server on a free loopback port, and template instances. Close it after the test.
 */
final class SyncEnvironment implements AutoCloseable {
    final JiraSandbox sandbox;
    final CamelContext context;
    final Path stateDir;
    private int httpPort = -1;

    SyncEnvironment(JiraSandbox sandbox, Path stateDir) {
        this(sandbox, stateDir, newContext(sandbox));
    }

    SyncEnvironment(JiraSandbox sandbox, Path stateDir, CamelContext context) {
        this.sandbox = sandbox;
        this.stateDir = stateDir;
        this.context = context;
    }

    /** A started context running jira-zendesk-sync with the default parameters, its state in {@code stateDir}. */
    static CamelContext startZendeskSync(JiraSandbox sandbox, Path stateDir) {
        CamelContext ctx = newContext(sandbox);
        SyncEnvironment env = new SyncEnvironment(sandbox, stateDir, ctx);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        ctx.start();
        return ctx;
    }

    static CamelContext newContext(JiraSandbox sandbox) {
        DefaultCamelContext ctx = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
        jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
        jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
        ctx.addComponent("jira", jira);
        ZendeskComponent zendesk = new ZendeskComponent();
        zendesk.setServerUrl(sandbox.baseUrl());
        zendesk.setUsername(ZendeskEmulator.AGENT_EMAIL);
        zendesk.setToken(ZendeskEmulator.AGENT_API_TOKEN);
        ctx.addComponent("zendesk", zendesk);
        ServiceNowComponent sn = new ServiceNowComponent();
        sn.getConfiguration().setApiUrl(sandbox.baseUrl() + "/api");
        sn.getConfiguration().setUserName(ServiceNowEmulator.ADMIN_USER);
        sn.getConfiguration().setPassword(ServiceNowEmulator.ADMIN_PASSWORD);
        ctx.addComponent("servicenow", sn);
        try {
            ctx.addRoutes(new JiraSyncTemplates());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ctx;
    }

    /** Serves platform-http on a free loopback port (call before start). */
    int serveHttp() throws Exception {
        httpPort = freePort();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(httpPort);
        context.addService(new VertxPlatformHttpServer(conf));
        return httpPort;
    }

    String httpUrl(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** Whether a record's external_id / correlation_id holds a Jira key (not empty, not the sync's pending claim). */
    static boolean linked(String key) {
        return dev.cameljira.routes.engine.SyncEngine.isJiraKey(key);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The base parameters of a fast test sync; {@code more} are name, value pairs overriding them. */
    Map<String, Object> params(String... more) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("jiraProject", "DEMO");
        p.put("pollInterval", "500ms");
        p.put("since", "-1h");
        p.put("stateDirectory", stateDir.toString());
        p.put("redeliveryDelay", "50ms");
        p.put("maximumRedeliveries", "2");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    /** Adds an instance of {@code template} with route id {@code routeId}. */
    void instantiate(String template, String routeId, Map<String, Object> params) {
        TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(context, template).routeId(routeId);
        params.forEach(b::parameter);
        b.add();
    }

    void start() {
        context.start();
    }

    /** The issue keys of DEMO carrying {@code label}. */
    List<String> issuesLabelled(String label) {
        List<String> keys = new java.util.ArrayList<>();
        int count = sandbox.admin().issueCount();
        for (int i = 0; i < count + 20; i++) {
            // keys are DEMO-1..n in the sandbox; read what exists
            String key = "DEMO-" + (i + 1);
            try {
                JsonNode issue = sandbox.admin().issue(key);
                for (JsonNode l : issue.path("fields").path("labels")) {
                    if (l.asText().equals(label)) {
                        keys.add(key);
                    }
                }
            } catch (RuntimeException e) {
                // deleted or never created
            }
        }
        return keys;
    }

    /** Waits until the ticket holds its Jira key (external_id) and answers it. */
    String awaitTicketKey(long ticketId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                linked(sandbox.zendesk().ticket(ticketId).orElseThrow().externalId()));
        return sandbox.zendesk().ticket(ticketId).orElseThrow().externalId();
    }

    /** Waits until the incident holds its Jira key (correlation_id) and answers it. */
    String awaitIncidentKey(String sysId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                linked(sandbox.serviceNow().incident(sysId).orElseThrow().correlationId()));
        return sandbox.serviceNow().incident(sysId).orElseThrow().correlationId();
    }

    /** The issue's status name. */
    String jiraStatus(String key) {
        return sandbox.admin().issue(key).path("fields").path("status").path("name").asText();
    }

    /** The issue's comments as plain text, oldest first. */
    List<String> jiraComments(String key) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode c : sandbox.admin().issue(key).path("fields").path("comment").path("comments")) {
            out.add(plain(c.path("body")));
        }
        return out;
    }

    /** The context's sync monitor. */
    SyncMonitor monitor() {
        return context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
    }

    /** The text of an ADF document (v3) or a wiki string. */
    static String plain(JsonNode body) {
        if (body.isTextual()) {
            return body.asText();
        }
        StringBuilder b = new StringBuilder();
        collect(body, b);
        return b.toString();
    }

    private static void collect(JsonNode n, StringBuilder b) {
        if (n.has("text")) {
            b.append(n.get("text").asText());
        }
        if (n.path("type").asText().equals("hardBreak")) {
            b.append('\n');
        }
        for (JsonNode c : n.path("content")) {
            collect(c, b);
        }
        if (n.path("type").asText().equals("paragraph")) {
            b.append('\n');
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            sandbox.close();
        }
    }
}
