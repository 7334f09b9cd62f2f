package dev.cameljira.jira.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraClientErrorException;
import dev.cameljira.jira.client.JiraContentTooLargeException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.test.SpecCheckedWireMock;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * getAttachmentContent when Jira Cloud redirects the download (its default, {@code 303 See Other} to Atlassian's media
 * host, which the component avoids with {@code redirect=false} but must survive): a spec-checked WireMock stands for
 * Jira Cloud at {@code 127.0.0.1}, a JDK HttpServer for the media host at {@code localhost} on another port. The
 * credentials go to Jira only; the media host gets the redirect URL and its token, which stays out of error messages.
 * The size limit stops a redirected download before it is read through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentContentRedirectTest {

    private static final String ID = "10000";
    private static final String META = "/rest/api/3/attachment/" + ID;
    private static final String CONTENT = "/rest/api/3/attachment/content/" + ID;
    private static final String TOKEN = "media-token-0b8a6f";
    private static final byte[] PDF = "%PDF-1.4 the real report".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SpecCheckedWireMock jira;
    private HttpServer media;
    private ExecutorService mediaThreads;
    private volatile HttpHandler mediaHandler;
    private final ConcurrentLinkedQueue<Map<String, List<String>>> mediaRequests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> mediaQueries = new ConcurrentLinkedQueue<>();
    private DefaultCamelContext context;
    private ProducerTemplate template;

    private dev.cameljira.jira.client.JiraClient client;

    @BeforeAll
    void start() throws Exception {
        jira = new SpecCheckedWireMock(JiraSpecValidator.cloud());
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mediaThreads = Executors.newCachedThreadPool();
        media.setExecutor(mediaThreads);
        media.createContext("/", exchange -> {
            mediaRequests.add(Map.copyOf(exchange.getRequestHeaders()));
            mediaQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            mediaHandler.handle(exchange);
        });
        media.start();

        context = new DefaultCamelContext();
        JiraComponent component = new JiraComponent();
        JiraConfiguration c = component.getConfiguration();
        c.setDeployment(dev.cameljira.jira.client.JiraDeployment.CLOUD);
        // an injected client that never sleeps between retries
        client = new dev.cameljira.jira.client.JiraClient(dev.cameljira.jira.client.JiraClientConfig.builder(jira.baseUrl())
                .auth(dev.cameljira.jira.client.JiraAuth.basic("admin@example.com", "s3cr3t-token")).sleeper(d -> {
                }).build());
        c.setJiraClient(client);
        context.addComponent("jira", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    void stop() {
        context.stop();
        client.close();
        media.stop(0);
        mediaThreads.shutdownNow();
        jira.close();
    }

    @BeforeEach
    void reset() {
        jira.server().resetAll();
        mediaRequests.clear();
        mediaQueries.clear();
        jira.server().stubFor(get(urlPathEqualTo(META)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(metadata(PDF.length))));
    }

    @AfterEach
    void specChecked() {
        assertThat(jira.violations()).as("stubs and requests must match Atlassian's Cloud spec").isEmpty();
    }

    /** Jira Cloud's attachment metadata, shaped like the spec's example. */
    private String metadata(long size) {
        return "{\"self\":\"" + jira.baseUrl() + "/rest/api/3/attachments/" + ID + "\",\"id\":" + ID + ",\"filename\":\"report.pdf\","
               + "\"author\":{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Mia Krystof\",\"active\":true},"
               + "\"created\":\"2026-11-28T10:00:00.000+0000\",\"size\":" + size + ",\"mimeType\":\"application/pdf\","
               + "\"content\":\"" + jira.baseUrl() + CONTENT + "\"}";
    }

    private String mediaUrl() {
        return "http://localhost:" + media.getAddress().getPort() + "/file/0b8a/binary?token=" + TOKEN + "&client=jira&dl=true";
    }

    /** Jira answers the content request with a 303 to the media host, whatever redirect says. */
    private void redirectToMedia() {
        jira.server().stubFor(get(urlPathEqualTo(CONTENT)).willReturn(aResponse().withStatus(303).withHeader("Location", mediaUrl())));
    }

    private Exchange download(String uri) {
        return template.send(uri, ex -> ex.getIn().setHeader(JiraConstants.ATTACHMENT_ID, ID));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void redirectToAnotherHostIsFollowedWithoutTheCredentials() {
        redirectToMedia();
        mediaHandler = exchange -> respond(exchange, 200, "application/pdf", PDF);

        Exchange ex = download("jira:getAttachmentContent");

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(PDF);
        assertThat(ex.getMessage().getHeader(JiraConstants.FILE_NAME)).isEqualTo("report.pdf");
        assertThat(ex.getMessage().getHeader(JiraConstants.CONTENT_TYPE)).isEqualTo("application/pdf");

        jira.server().verify(1, getRequestedFor(urlPathEqualTo(CONTENT)).withQueryParam("redirect", WireMock.equalTo("false"))
                .withHeader("Authorization", matching("Basic .+")));
        assertThat(mediaRequests).hasSize(1);
        assertThat(mediaRequests.peek().keySet()).as("no credentials for the media host")
                .noneMatch(h -> h.equalsIgnoreCase("Authorization") || h.equalsIgnoreCase("Cookie"));
        assertThat(mediaQueries.peek()).as("the redirect URL is used as given").contains("token=" + TOKEN);
    }

    @Test
    void redirectWithinJiraKeepsTheCredentials() {
        jira.server().stubFor(get(urlPathEqualTo(CONTENT))
                .willReturn(aResponse().withStatus(303).withHeader("Location", "/files/" + ID + "/report.pdf")));
        jira.server().stubFor(get(urlPathEqualTo("/files/" + ID + "/report.pdf")).withHeader("Authorization", matching("Basic .+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(PDF)));

        Exchange ex = download("jira:getAttachmentContent");

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo(PDF);
        jira.server().verify(1, getRequestedFor(urlPathEqualTo("/files/" + ID + "/report.pdf"))
                .withHeader("Authorization", matching("Basic .+")));
    }

    @Test
    void mediaHostErrorIsTypedAndKeepsTheTokenOutOfTheMessage() {
        redirectToMedia();
        mediaHandler = exchange -> respond(exchange, 404, "application/json",
                "{\"error\":\"file not found\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Exchange ex = download("jira:getAttachmentContent");

        JiraNotFoundException e = (JiraNotFoundException) ex.getException();
        assertThat(e).hasMessageContaining("ttachment " + ID).hasMessageContaining("localhost:" + media.getAddress().getPort() + "/file/0b8a/binary")
                .hasMessageNotContaining(TOKEN);
        assertThat(e.getUrl()).doesNotContain(TOKEN);
    }

    @Test
    void endlessRedirectsStopAfterFive() {
        jira.server().stubFor(get(urlPathEqualTo(CONTENT))
                .willReturn(aResponse().withStatus(303).withHeader("Location", CONTENT + "?redirect=false")));

        Exchange ex = download("jira:getAttachmentContent");

        assertThat(ex.getException()).isInstanceOf(JiraClientErrorException.class).hasMessageContaining("303")
                .hasMessageContaining("more than 5 redirects");
        jira.server().verify(6, getRequestedFor(urlPathEqualTo(CONTENT)));
    }

    @Test
    void streamWithoutLengthStopsAtTheLimitInsteadOfReadingOn() throws Exception {
        redirectToMedia();
        long total = 64L * 1024 * 1024;
        CompletableFuture<Long> written = new CompletableFuture<>();
        mediaHandler = exchange -> serveZeros(exchange, 0, total, written);

        long started = System.nanoTime();
        Exchange ex = download("jira:getAttachmentContent?maxAttachmentSize=65536");

        JiraContentTooLargeException e = (JiraContentTooLargeException) ex.getException();
        assertThat(e).hasMessageContaining("more than 65536 bytes").hasMessageContaining("found while reading")
                .hasMessageNotContaining(TOKEN);
        assertThat(e.getSize()).as("unknown: chunked").isEqualTo(-1);
        assertThat(written.get(20, TimeUnit.SECONDS)).as("the media host could not send it all: the connection was dropped")
                .isLessThan(total);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(20);
    }

    @Test
    void announcedLengthOverTheLimitIsNotRead() throws Exception {
        redirectToMedia();
        long total = 64L * 1024 * 1024;
        CompletableFuture<Long> written = new CompletableFuture<>();
        mediaHandler = exchange -> serveZeros(exchange, total, total, written);

        Exchange ex = download("jira:getAttachmentContent?maxAttachmentSize=65536");

        JiraContentTooLargeException e = (JiraContentTooLargeException) ex.getException();
        assertThat(e).hasMessageContaining(total + " bytes").hasMessageContaining("Content-Length").hasMessageNotContaining(TOKEN);
        assertThat(e.getSize()).isEqualTo(total);
        assertThat(written.get(20, TimeUnit.SECONDS)).isLessThan(total);
    }

    /** Sends {@code total} zero bytes (chunked when {@code length} is 0) and reports how many got out. */
    private static void serveZeros(HttpExchange exchange, long length, long total, CompletableFuture<Long> written) {
        long sent = 0;
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, length);
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = exchange.getResponseBody();
            while (sent < total) {
                out.write(chunk);
                sent += chunk.length;
            }
            out.close();
        } catch (IOException e) {
            // the client dropped the connection
        } finally {
            written.complete(sent);
            exchange.close();
        }
    }
}
