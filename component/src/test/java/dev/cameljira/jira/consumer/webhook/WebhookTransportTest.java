package dev.cameljira.jira.consumer.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import io.vertx.core.Context;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the path is served, on either of the consumer's paths (see {@link WebhookHttp}): by its own route on the Vert.x
 * router with one Camel exchange per delivery (or through platform-http, the fallback), the route off the event loop so
 * a blocked route holds up no other request, the path closed on stop (404) and open again on restart, 503 while the
 * consumer is suspended, bodies cut off at maxBodySize whether announced or not, the HTTP server's own lower body limit
 * honoured, and a repeated Content-Type refused.
 */
class WebhookTransportTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "transport-secret";
    private static final String PATH = "/transport/webhook";
    private static final String SMALL = "/transport/small";
    private static final String BLOCKING = "/transport/blocking";

    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();
    private final List<String> routeThreads = new CopyOnWriteArrayList<>();
    private final List<Boolean> routeOnEventLoop = new CopyOnWriteArrayList<>();
    /** Exchanges created, by the endpoint they came from. */
    private final List<String> exchangesFrom = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    protected void routes(RouteBuilder builder) throws Exception {
        builder.getContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCreatedEvent created) {
                    exchangesFrom.add(String.valueOf(created.getExchange().getFromEndpoint()));
                }
            }
        });
        builder.from("jira:webhook?webhookPath=" + PATH + "&secret=" + SECRET).routeId("transport")
                .process(e -> {
                    routeThreads.add(Thread.currentThread().getName());
                    routeOnEventLoop.add(Context.isOnEventLoopThread());
                    routed.record(e);
                });
        builder.from("jira:webhook?webhookPath=" + SMALL + "&secret=" + SECRET + "&maxBodySize=4096").routeId("small")
                .process(routed::record);
        builder.from("jira:webhook?webhookPath=" + BLOCKING + "&secret=" + SECRET).routeId("blocking")
                .process(e -> {
                    if (e.getIn().getHeader(JiraConstants.EVENT_ID, String.class).startsWith("block-")) {
                        entered.countDown();
                        assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
                    }
                    routed.record(e);
                });
    }

    @BeforeEach
    void reset() {
        routed.clear();
        routeThreads.clear();
        routeOnEventLoop.clear();
        exchangesFrom.clear();
    }

    private static byte[] event(String key) {
        return ("{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\",\"key\":\""
                + key + "\",\"fields\":{\"project\":{\"key\":\"DEMO\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private JiraWebhookConsumer consumer(String routeId) {
        return (JiraWebhookConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void servedByThePathUnderTestWithOneExchangePerDeliveryOnTheVertxRouter() {
        assertThat(consumer("transport").transportName()).isEqualTo(WebhookHttp.TRANSPORT);

        assertThat(http.deliver(PATH, SECRET, event("DEMO-1"), "transport-1").statusCode()).isEqualTo(200);

        assertThat(routed.all()).singleElement().satisfies(r -> assertThat(r.event().issueKey()).isEqualTo("DEMO-1"));
        if (WebhookHttp.TRANSPORT.equals("Vert.x router")) {
            assertThat(exchangesFrom).as("only the JiraEvent's exchange").singleElement()
                    .satisfies(from -> assertThat(from).startsWith("jira://webhook"));
        } else {
            assertThat(exchangesFrom).as("platform-http's exchange for the request, then the JiraEvent's").hasSize(2);
        }
    }

    @Test
    void theRouteRunsOffTheEventLoop() {
        for (int i = 0; i < 4; i++) {
            assertThat(http.deliver(PATH, SECRET, event("DEMO-2"), "off-loop-" + i).statusCode()).isEqualTo(200);
        }
        assertThat(routeOnEventLoop).hasSize(4).containsOnly(false);
        assertThat(routeThreads).allSatisfy(t -> assertThat(t).doesNotContain("eventloop"));
    }

    @Test
    void aBlockedRouteHoldsUpNoOtherRequest() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        try {
            byte[] body = event("DEMO-3");
            CompletableFuture<HttpResponse<String>> blocked = http.client().sendAsync(http.post(BLOCKING, body,
                    WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body),
                    "X-Atlassian-Webhook-Identifier", "block-" + UUID.randomUUID()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(15, TimeUnit.SECONDS)).as("the first delivery is in the route").isTrue();

            // while it blocks, the server answers other deliveries and refusals on the same and other paths
            for (int i = 0; i < 3; i++) {
                assertThat(http.deliver(BLOCKING, SECRET, event("DEMO-4"), "free-" + i).statusCode()).isEqualTo(200);
                assertThat(http.deliver(PATH, SECRET, event("DEMO-5"), "other-" + i).statusCode()).isEqualTo(200);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(http.url(BLOCKING))).GET().build()).statusCode())
                        .isEqualTo(405);
            }
            assertThat(blocked).isNotDone();

            release.countDown();
            assertThat(blocked.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
        }
        assertThat(routed.all()).hasSize(7);
    }

    @Test
    void aStoppedRouteAnswers404AndARestartedOneServesAgain() throws Exception {
        for (int round = 0; round < 2; round++) {
            context.getRouteController().stopRoute("transport");
            assertThat(http.deliver(PATH, SECRET, event("DEMO-6"), "stopped-" + round).statusCode()).isEqualTo(404);
            context.getRouteController().startRoute("transport");
            assertThat(consumer("transport").transportName()).isEqualTo(WebhookHttp.TRANSPORT);
            assertThat(http.deliver(PATH, SECRET, event("DEMO-6"), "restarted-" + round).statusCode()).isEqualTo(200);
        }
        assertThat(routed.all()).hasSize(2);
    }

    @Test
    void aSuspendedConsumerAnswers503() {
        JiraWebhookConsumer consumer = consumer("transport");
        consumer.suspend();
        try {
            HttpResponse<String> r = http.deliver(PATH, SECRET, event("DEMO-7"), "suspended-1");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("not accepting deliveries");
            assertThat(consumer.getRejectedDeliveries()).containsEntry("stopping", 1L);
        } finally {
            consumer.resume();
        }
        assertThat(http.deliver(PATH, SECRET, event("DEMO-7"), "suspended-1").statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
    }

    /** A body sent without Content-Length (chunked) is read up to maxBodySize, never whole. */
    @Test
    void aChunkedBodyIsCutOffAtMaxBodySize() {
        long before = consumer("small").getRejectedDeliveries().getOrDefault("too-large", 0L);
        byte[] big = ("{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(6000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(chunked(SMALL, big));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("maxBodySize").doesNotContain("xxxx");

        byte[] small = event("DEMO-8");
        assertThat(http.send(chunked(SMALL, small)).statusCode()).as("a chunked body within the limit").isEqualTo(200);
        assertThat(routed.all()).singleElement().satisfies(x -> assertThat(x.event().issueKey()).isEqualTo("DEMO-8"));
        assertThat(consumer("small").getRejectedDeliveries()).containsEntry("too-large", before + 1);
    }

    private HttpRequest chunked(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(http.url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body))
                .header("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    /** A Content-Length over maxBodySize is answered 413 at once, without waiting for a body that may never come. */
    @Test
    void anAnnouncedOversizeIsRefusedBeforeTheBody() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + SMALL + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413");
        }
        assertThat(http.deliver(SMALL, SECRET, event("DEMO-9"), "after-oversize").statusCode()).isEqualTo(200);
    }

    /**
     * A client that sends {@code Expect: 100-continue} (curl does for large bodies) gets 100 Continue, then its answer;
     * on the Vert.x router a delivery refused on its headers gets its answer at once instead, without the body.
     */
    @Test
    void expect100ContinueIsHonoured() throws IOException {
        byte[] body = event("DEMO-13");
        assertThat(withExpectContinue("application/json", body)).isEqualTo(List.of(100, 200));
        List<Integer> refused = withExpectContinue("text/plain", body);
        if (WebhookHttp.TRANSPORT.equals("Vert.x router")) {
            assertThat(refused).as("refused before the body is sent").isEqualTo(List.of(415));
        } else {
            assertThat(refused).as("platform-http reads the body first").isEqualTo(List.of(100, 415));
        }
        assertThat(routed.all()).singleElement().satisfies(x -> assertThat(x.event().issueKey()).isEqualTo("DEMO-13"));
    }

    /** The statuses answered to a signed POST with Expect: 100-continue, the body sent only after a 100. */
    private List<Integer> withExpectContinue(String contentType, byte[] body) throws IOException {
        List<Integer> statuses = new java.util.ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                       + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n"
                       + WebhookSignature.HEADER + ": " + WebhookSignature.sign(SECRET, body) + "\r\n"
                       + "X-Atlassian-Webhook-Identifier: " + UUID.randomUUID() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            int status = Integer.parseInt(readHead(in).substring(9, 12));
            statuses.add(status);
            if (status == 100) {
                out.write(body);
                out.flush();
                statuses.add(Integer.parseInt(readHead(in).substring(9, 12)));
            }
        }
        return statuses;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    @Test
    void aRepeatedContentTypeIsRefused() {
        byte[] body = event("DEMO-10");
        HttpResponse<String> r = http.send(http.post(PATH, body, "Content-Type", "text/plain",
                WebhookSignature.HEADER, WebhookSignature.sign(SECRET, body)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(routed.all()).isEmpty();
    }

    /** The HTTP server's own body limit applies first (plain Camel: VertxPlatformHttpServerConfiguration.maxBodySize). */
    @Test
    void theServersLowerBodyLimitApplies() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        conf.setMaxBodySize(2048L);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
        camel.addService(server);
        JiraWebhookConsumer.platformHttpOnly = WebhookHttp.TRANSPORT.equals("platform-http");
        List<JiraEvent> received = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jira:webhook?webhookPath=/limited&secret=" + SECRET).process(e -> received.add(e.getIn().getBody(JiraEvent.class)));
            }
        });
        camel.start();
        try {
            String url = "http://127.0.0.1:" + server.getPort() + "/limited";
            byte[] big = ("{\"webhookEvent\":\"jira:issue_updated\",\"pad\":\"" + "x".repeat(3000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, big))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
            assertThat(r.statusCode()).isEqualTo(413);
            byte[] ok = event("DEMO-11");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(SECRET, ok))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ok)).build()).statusCode()).isEqualTo(200);
            assertThat(received).hasSize(1);
        } finally {
            camel.close();
        }
    }

    @Test
    void theReplyCarriesOnlyStatusTypeAndText() {
        HttpResponse<String> r = http.deliver(PATH, SECRET, event("DEMO-12"), "reply-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.headers().map().keySet()).map(String::toLowerCase)
                .allSatisfy(h -> assertThat(h).isIn("content-type", "content-length", "transfer-encoding", "connection",
                        "keep-alive", "date"));
    }
}
