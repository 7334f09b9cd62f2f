package dev.cameljira.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/proxy.md, proved: the example started with PROXY_HOST/PORT/USERNAME/PASSWORD in its environment (and, for
 * Zendesk's client, the JVM options docs/proxy.md gives) sends its Jira, ServiceNow and Zendesk calls through an
 * authenticating forward proxy: the proxy challenges with 407, the clients answer with the proxy credentials, and the
 * sync works end to end while no Jira call reaches the sandbox without the proxy.
 */
class EgressProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROXY_USER = "egress";

    private JiraSandbox sandbox;
    private LoopbackProxy proxy;
    private ExampleProcess app;

    @AfterEach
    void stop() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    @Test
    void everyJiraServiceNowAndZendeskCallGoesThroughTheAuthenticatingProxy(@TempDir Path workDir) throws Exception {
        String proxyPassword = "pw-" + UUID.randomUUID();
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        proxy = LoopbackProxy.authenticating(PROXY_USER, proxyPassword);
        String proxyPort = String.valueOf(proxy.port());

        app = ExampleProcess.start(workDir, Map.of(
                "JIRA_URL", sandbox.baseUrl(),
                "ZENDESK_URL", sandbox.baseUrl(),
                "SERVICENOW_API_URL", sandbox.baseUrl() + "/api",
                "SYNC_POLL_INTERVAL", "500ms",
                // Zendesk stamps tickets to the second: a ticket made in the second the sync starts is not "new"
                "SYNC_SINCE", "-5m",
                "PROXY_HOST", "127.0.0.1",
                "PROXY_PORT", proxyPort,
                "PROXY_USERNAME", PROXY_USER,
                "PROXY_PASSWORD", proxyPassword),
                // Zendesk's async-http-client reads its proxy from JVM system properties only (docs/proxy.md)
                List.of("-Dorg.asynchttpclient.useProxyProperties=true",
                        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + proxyPort,
                        "-Dorg.asynchttpclient.AsyncHttpClientConfig.proxy.user=" + PROXY_USER,
                        "-Dorg.asynchttpclient.AsyncHttpClientConfig.proxy.password=" + proxyPassword));
        await().atMost(WAIT).until(() -> app.outputText().contains("(jira-yaml-routes) started in") || !app.isAlive());
        assertThat(app.isAlive()).as(app.outputText()).isTrue();

        ZendeskTicket ticket = sandbox.zendesk().createTicket(TicketDraft.of("Via the proxy", "Ticket body"));
        Incident incident = sandbox.serviceNow().createIncident("Also via the proxy");

        try {
            await().atMost(WAIT).until(() -> sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId() != null
                    && !sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("ticket and incident not synced through the proxy; proxy log:\n"
                    + String.join("\n", proxy.log()) + "\napplication output:\n" + app.outputText(), e);
        }
        List<String> log = proxy.log();
        String jira = sandbox.baseUrl() + "/rest/api/";
        // Jira: challenged first, then relayed with the proxy credentials
        String firstJira = log.stream().filter(l -> l.contains(" " + jira)).findFirst().orElseThrow();
        assertThat(firstJira).startsWith("407 ");
        String challenged = firstJira.substring(4);
        assertThat(log).contains("200 " + challenged)
                .anyMatch(l -> l.matches("20[01] POST " + jira + "3/issue"));
        // ServiceNow (camel-servicenow's proxy options) and Zendesk (async-http-client's system properties)
        assertThat(log).anyMatch(l -> l.matches("2\\d\\d GET " + sandbox.baseUrl() + "/api/now/.*"))
                .anyMatch(l -> l.matches("2\\d\\d (GET|PUT) " + sandbox.baseUrl() + "/api/v2/.*"));
        // nothing reached Jira around the proxy
        assertThat(sandbox.admin().requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.requestHeader(LoopbackProxy.RELAY_HEADER))
                        .as(r.method() + " " + r.path()).isEqualTo("loopback-proxy"));
        assertThat(app.outputText()).doesNotContain(proxyPassword);
    }
}
