package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.routes.SyncMonitor;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.webhook.WebhookDelivery;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job from a fresh clone: no JIRA_URL, so the service starts the sandbox in-process, seeds tickets and
 * incidents, and the syncs turn them into Jira issues; Jira, Zendesk and ServiceNow deliver signed webhooks to it.
 * One boot of the application for the class (Quarkus on a free loopback port, the sandbox on another).
 */
@QuarkusTest
@WithTestResource(FreeHttpPort.class)
class EmbeddedModeTest {
    /** The issue's acceptance bound: the product is seen working within 30 s of a fresh start. */
    private static final Duration FRESH_START = Duration.ofSeconds(30);

    @Inject
    SyncSetup setup;

    @Inject
    @Named(SyncMonitor.BEAN_NAME)
    SyncMonitor monitor;

    @TestHTTPResource("/")
    String base;

    private EmbeddedSandbox embedded;
    private JiraSandbox sandbox;

    @BeforeEach
    void seededRecordsAreLinked() {
        embedded = setup.embedded().orElseThrow(() -> new AssertionError("JIRA_URL is not set, yet no embedded sandbox"));
        sandbox = embedded.sandbox();
        await().atMost(FRESH_START).until(() -> sandbox.zendesk().tickets().size() >= 2
                && sandbox.zendesk().tickets().stream().allMatch(t -> Linked.isJiraKey(t.externalId()))
                && sandbox.serviceNow().incidents().size() >= 2
                && sandbox.serviceNow().incidents().stream().allMatch(i -> Linked.isJiraKey(i.correlationId())));
    }

    @Test
    void seededTicketsAndIncidentsBecomeJiraIssuesShownInTheLogAndOnTheStatusPage() throws Exception {
        ZendeskTicket ticket = sandbox.zendesk().tickets().get(0);
        Incident incident = sandbox.serviceNow().incidents().get(0);
        JsonNode ticketIssue = sandbox.admin().issue(ticket.externalId());
        JsonNode incidentIssue = sandbox.admin().issue(incident.correlationId());
        assertThat(ticketIssue.at("/fields/summary").asText()).isEqualTo(ticket.subject());
        assertThat(incidentIssue.at("/fields/summary").asText()).isEqualTo(incident.shortDescription());

        JsonNode status = Http.json(base + "sync/status");
        assertThat(status.path("mode").asText()).isEqualTo("embedded");
        assertThat(status.path("syncs")).extracting(s -> s.path("id").asText() + "=" + s.path("status").asText())
                .containsExactlyInAnyOrder("zendesk-sync=Started", "servicenow-sync=Started");
        List<String> links = new ArrayList<>();
        status.path("links").forEach(l -> links.add(l.path("jiraKey").asText() + " " + l.path("other").asText()));
        assertThat(links).contains(ticket.externalId() + " Zendesk #" + ticket.id(),
                incident.correlationId() + " ServiceNow " + incident.number());

        String log = Files.readString(TestLog.PATH, StandardCharsets.UTF_8);
        assertThat(log).contains("Zendesk #" + ticket.id() + " -> Jira " + ticket.externalId() + " created")
                .contains("ServiceNow " + incident.number() + " -> Jira " + incident.correlationId() + " created");
    }

    @Test
    void aJiraCommentArrivesThroughJirasSignedWebhookRegisteredByTheSync() {
        // the sync registered Jira's admin webhook for its own URL, with the secret made up at start
        assertThat(sandbox.admin().webhooks()).singleElement()
                .satisfies(w -> assertThat(w.url()).isEqualTo(base + "jira/webhook"));
        ZendeskTicket ticket = sandbox.zendesk().tickets().get(1);
        long before = monitor.counter("events.jira.webhook");
        String text = "Technician on the way " + UUID.randomUUID();

        sandbox.admin().addComment(ticket.externalId(), text);

        // the pollers run every 30 s: arriving well before that, it came by webhook
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.zendesk().comments(ticket.id()).stream()
                .anyMatch(c -> c.body().contains(text)));
        assertThat(monitor.counter("events.jira.webhook")).isGreaterThan(before);
    }

    @Test
    void aSignedDeliveryReachesTheSyncAndUnsignedOrWronglySignedOnesGet401() throws Exception {
        String url = base + "jira/webhook";
        // a delivery body exactly as Jira (the sandbox) sent it, delivered again under a new id
        sandbox.admin().addComment(sandbox.zendesk().tickets().get(0).externalId(), "For the replay");
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.admin().deliveries().stream()
                .anyMatch(d -> d.succeeded() && d.event().equals("comment_created")));
        WebhookDelivery original = sandbox.admin().deliveries().stream()
                .filter(d -> d.succeeded() && d.event().equals("comment_created")).findFirst().orElseThrow();
        byte[] body = original.body();
        // Jira's own deliveries (of that comment, of the syncs' writes) are over before we count
        AtomicLong last = new AtomicLong(-1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long now = monitor.counter("events.jira.webhook");
                    return last.getAndSet(now) == now;
                });
        long received = monitor.counter("events.jira.webhook");
        long refused = monitor.counter("webhooks.rejected.jira.signature");

        HttpResponse<String> unsigned = Http.jiraDelivery(url, body, null, UUID.randomUUID().toString());
        HttpResponse<String> forged = Http.jiraDelivery(url, body, Http.jiraSignature("not-the-secret", body),
                UUID.randomUUID().toString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(monitor.counter("webhooks.rejected.jira.signature")).isEqualTo(refused + 2);
        assertThat(monitor.counter("events.jira.webhook")).isEqualTo(received);

        HttpResponse<String> signed = Http.jiraDelivery(url, body,
                Http.jiraSignature(embedded.jiraWebhookSecret(), body), UUID.randomUUID().toString());
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(monitor.counter("events.jira.webhook")).isGreaterThan(received);

        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(TestLog.PATH, StandardCharsets.UTF_8)
                .contains("refused a delivery from"));
        // the component's line: path, address, status and reason, never the secret
        assertThat(Files.readString(TestLog.PATH, StandardCharsets.UTF_8)).contains("401 signature")
                .doesNotContain(embedded.jiraWebhookSecret());
        String metrics = Http.get(base + "q/metrics").body();
        assertThat(metrics).containsPattern("jira_sync_webhooks_rejected_total\\{[^}]*reason=\"signature\""
                + "[^}]*system=\"jira\"[^}]*\\} [1-9]");
    }

    /**
     * jira:webhook runs on Quarkus' own router (its direct path, not platform-http): an oversized delivery gets 413
     * whoever refuses it. Over the webhook's maxBodySize (1 MiB) but within Quarkus' quarkus.http.limits.max-body-size
     * (10 MiB): the component's 413, counted, whether the size is announced or the body is chunked; over Quarkus' limit:
     * Quarkus' own 413 before any route runs. The next delivery is served as usual.
     */
    @Test
    void oversizedDeliveriesGet413FromTheWebhookOrFromQuarkus() throws Exception {
        assertThat(Files.readString(TestLog.PATH, StandardCharsets.UTF_8))
                .containsPattern("jira:webhook listening on /jira/webhook for .* \\(Vert\\.x router\\)");
        String url = base + "jira/webhook";
        long refused = monitor.counter("webhooks.rejected.jira.too-large");
        byte[] big = ("{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = Http.jiraSignature(embedded.jiraWebhookSecret(), big);

        HttpResponse<String> announced = Http.jiraDelivery(url, big, signature, UUID.randomUUID().toString());
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).contains("maxBodySize").doesNotContain("xxxx");

        HttpResponse<String> chunked = Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Hub-Signature", signature)
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("maxBodySize");
        assertThat(monitor.counter("webhooks.rejected.jira.too-large")).isEqualTo(refused + 2);

        URI u = URI.create(url);
        try (Socket socket = new Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).as("over quarkus.http.limits.max-body-size").isEqualTo("HTTP/1.1 413");
        }
        assertThat(monitor.counter("webhooks.rejected.jira.too-large")).as("refused by Quarkus, before the webhook")
                .isEqualTo(refused + 2);

        byte[] unknown = "{\"webhookEvent\":\"worklog_created\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> next = Http.jiraDelivery(url, unknown, Http.jiraSignature(embedded.jiraWebhookSecret(), unknown),
                UUID.randomUUID().toString());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    }

    @Test
    void readinessNamesEachBackEndAndLivenessIsUp() throws Exception {
        HttpResponse<String> ready = Http.get(base + "q/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = Http.JSON.readTree(ready.body()).path("checks");
        assertThat(checks).extracting(c -> c.path("name").asText() + "=" + c.path("status").asText())
                .contains("jira=UP", "zendesk=UP", "servicenow=UP");
        assertThat(Http.get(base + "q/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsArePublishedUnderTheDocumentedNames() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !monitor.snapshot().polls().isEmpty());
        String metrics = Http.get(base + "q/metrics").body();
        assertThat(metrics)
                .contains("jira_sync_events_received_total{")
                .contains("jira_sync_actions_total{")
                .contains("jira_sync_links_total{")
                .contains("jira_sync_failures_total{")
                .contains("jira_sync_webhooks_rejected_total{")
                .contains("jira_sync_rate_limit_waits_seconds_count{")
                .contains("jira_sync_poll_lag_seconds{")
                .contains("jira_sync_unmapped_total{")
                .containsPattern("jira_client_requests_seconds_count\\{[^}]*status=\"200\"");
        assertThat(metrics).containsPattern("jira_sync_actions_total\\{action=\"created\",direction=\"to-jira\","
                + "sync=\"zendesk-sync\"\\} [1-9]");
    }

    @Test
    void theStatusPageShowsTheLinksInARealBrowser(@TempDir Path tmp) throws Exception {
        Chromium chromium = Chromium.require();
        String key = sandbox.zendesk().tickets().get(0).externalId();

        String dom = chromium.dumpDom(base, Files.createDirectories(tmp.resolve("profile-dom")), 5000);
        // rendered by the page's script from /sync/status: not in the HTML the server sent
        assertThat(dom).contains("data-jira-key=\"" + key + "\"").contains("Zendesk #")
                .contains("ServiceNow INC").contains("Started").contains("<span id=\"error\"></span>");

        Path png = chromium.screenshot(base, Files.createDirectories(tmp.resolve("profile-png")),
                tmp.resolve("status.png"), 5000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at %s", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(900);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours of the screenshot").hasSizeGreaterThan(20);
        Files.copy(png, TestLog.PATH.resolveSibling("status-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSecretsMadeUpAtStartAreInNoLogLine() throws Exception {
        String log = Files.readString(TestLog.PATH, StandardCharsets.UTF_8);
        assertThat(log).contains("JIRA_URL is not set: syncing the embedded sandbox");
        assertThat(List.of(embedded.jiraWebhookSecret(), embedded.zendeskWebhookSecret(),
                embedded.serviceNowWebhookSecret())).allSatisfy(secret -> {
                    assertThat(secret).hasSizeGreaterThan(30);
                    assertThat(log).doesNotContain(secret);
                });
    }
}
