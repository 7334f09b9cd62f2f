package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * The real camel-zendesk client against the Zendesk emulator inside {@link JiraSandbox}: the sandbox's faults reach
 * the client as Zendesk's rate-limit exception, and content URLs are served on the sandbox's port.
 */
class ZendeskSandboxClientTest {
    private static JiraSandbox sandbox;
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void noFaults() {
        sandbox.admin().faults().reset();
        sandbox.zendesk().reset();
    }

    private static String uri(String method) {
        return "zendesk:DEFAULT/" + method + "?serverUrl=RAW(" + sandbox.baseUrl() + ")&username="
                + ZendeskEmulator.AGENT_EMAIL + "&token=RAW(" + ZendeskEmulator.AGENT_API_TOKEN + ")";
    }

    private static User currentUser() {
        return template.requestBody(uri("getCurrentUser"), null, User.class);
    }

    @Test
    void theSandboxRateLimitReachesTheClientAsARateLimitExceptionWithRetryAfter() {
        sandbox.admin().faults().retryAfterSeconds(7).rateLimit(1);

        Throwable limited = null;
        for (int i = 0; i < 50 && limited == null; i++) {
            try {
                currentUser();
            } catch (RuntimeException e) {
                limited = e;
            }
        }

        assertThat(limited).as("a request over the limit failed").isNotNull();
        assertThat(limited).rootCause().isInstanceOfSatisfying(ZendeskResponseRateLimitException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(429);
            assertThat(e.getRetryAfter()).isEqualTo(7L);
        });
    }

    @Test
    void aScripted429OnAZendeskPathFailsOneCallOnly() {
        long id = sandbox.zendesk().createTicket("Limited", "body").id();
        sandbox.admin().faults().failNext("GET", "/api/v2/tickets/", 429, 1);

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("getTicket"), null, "CamelZendesk.id", id,
                Ticket.class)).rootCause().isInstanceOfSatisfying(ZendeskResponseRateLimitException.class,
                        e -> assertThat(e.getRetryAfter()).isEqualTo(1L));
        assertThat(template.requestBodyAndHeader(uri("getTicket"), null, "CamelZendesk.id", id, Ticket.class)
                .getSubject()).isEqualTo("Limited");
    }

    @Test
    void contentUrlsOfSeededAttachmentsAreServedOnTheSandboxPort() throws Exception {
        long id = sandbox.zendesk().createTicket("Seeded", "body").id();
        sandbox.zendesk().addComment(id, NewComment.publicComment("with a file"),
                new NewAttachment("hello.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));

        Iterable<?> comments = template.requestBodyAndHeader(uri("getTicketComments"), null, "CamelZendesk.id", id,
                Iterable.class);
        List<Comment> list = StreamSupport.stream(comments.spliterator(), false).map(Comment.class::cast).toList();
        String contentUrl = list.get(1).getAttachments().get(0).getContentUrl();

        assertThat(contentUrl).startsWith(sandbox.baseUrl() + "/attachments/token/");
        HttpResponse<String> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(contentUrl))
                .header("Authorization", TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token",
                        ZendeskEmulator.AGENT_API_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo("hello");
    }
}
