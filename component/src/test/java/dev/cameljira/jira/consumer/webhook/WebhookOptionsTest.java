package dev.cameljira.jira.consumer.webhook;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The webhook consumer's options: generated as endpoint options, validated at start with messages naming the option,
 * jiraUrl needed only when the consumer talks to Jira (registration, backup poll), the secret masked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookOptionsTest {

    private CamelContext context;
    private WebhookHttp http;

    @BeforeAll
    void start() throws Exception {
        context = new DefaultCamelContext();
        http = WebhookHttp.bind(context);
        context.start();
    }

    @AfterAll
    void stop() {
        context.stop();
    }

    @AfterEach
    void removeRoutes() throws Exception {
        for (Route r : List.copyOf(context.getRoutes())) {
            context.getRouteController().stopRoute(r.getRouteId());
            context.removeRoute(r.getRouteId());
        }
    }

    private Throwable startFailure(String uri) {
        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).log("never");
            }
        }));
        assertThat(thrown).as("starting %s", uri).isNotNull();
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause)
                .filter(t -> t instanceof IllegalArgumentException || t instanceof IllegalStateException)
                .findFirst().orElse(thrown);
    }

    @Test
    void receiveOnlyRunsWithoutJiraUrl() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jira:webhook?webhookPath=/opt/receive&allowUnsigned=true").routeId("r").log("got ${header.CamelJiraEventType}");
            }
        });
        assertThat(context.getRouteController().getRouteStatus("r").isStarted()).isTrue();
        assertThat(http.deliver("/opt/receive", null, "{\"webhookEvent\":\"jira:issue_deleted\"}").statusCode()).isEqualTo(200);
        JiraWebhookConsumer consumer = (JiraWebhookConsumer) context.getRoute("r").getConsumer();
        assertThat(catchThrowable(consumer::reconcileNow)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reconcileInterval");
        assertThat(consumer.getRegistrationId()).isNull();
    }

    @Test
    void registrationAndReconcileNeedJiraUrl() {
        assertThat(startFailure("jira:webhook?registerWebhook=true&webhookExternalUrl=https://x.example.com/jira/webhook"))
                .hasMessageContaining("jiraUrl");
        assertThat(startFailure("jira:webhook?reconcileInterval=6h")).hasMessageContaining("jiraUrl");
        assertThat(startFailure("jira:getIssue")).hasMessageContaining("jiraUrl");
    }

    @Test
    void registrationNeedsAReachableExternalUrl() {
        assertThat(startFailure("jira:webhook?jiraUrl=http://127.0.0.1:9&registerWebhook=true"))
                .hasMessageContaining("webhookExternalUrl");
        assertThat(startFailure("jira:webhook?jiraUrl=http://127.0.0.1:9&registerWebhook=true&webhookExternalUrl=/relative"))
                .hasMessageContaining("webhookExternalUrl must be an absolute http(s) URL");
    }

    @Test
    void badOptionsAreNamed() {
        assertThat(startFailure("jira:webhook?webhookPath=/opt/a&events=jira:issue_created,Comment Created"))
                .hasMessageContaining("events").hasMessageContaining("Comment Created");
        assertThat(startFailure("jira:webhook?webhookPath=/opt/b&events=,")).hasMessageContaining("events is empty");
        assertThat(startFailure("jira:webhook?webhookPath=no-slash")).hasMessageContaining("webhookPath");
        assertThat(startFailure("jira:webhook?webhookPath=/opt/c&secret=s&maxJsonDepth=0")).hasMessageContaining("maxJsonDepth");
        assertThat(startFailure("jira:webhook?webhookPath=/opt/d&maxBodySize=0")).hasMessageContaining("maxBodySize");
    }

    @Test
    void eventFamiliesExpandForRegistration() {
        WebhookEventSelection s = WebhookEventSelection.parse("worklog_*, jira:issue_deleted");
        assertThat(s.accepts("worklog_updated")).isTrue();
        assertThat(s.accepts("jira:issue_deleted")).isTrue();
        assertThat(s.accepts("jira:issue_updated")).isFalse();
        assertThat(s.forRegistration()).containsExactly("jira:issue_deleted", "worklog_created", "worklog_updated",
                "worklog_deleted");
        assertThat(WebhookEventSelection.parse("*").accepts("sprint_started")).isTrue();
    }

    @Test
    void secretIsMaskedInTheEndpoint() {
        Endpoint e = context.getEndpoint("jira:webhook?webhookPath=/opt/masked&secret=TopSecretValue42");
        assertThat(e.toString()).doesNotContain("TopSecretValue42");
        assertThat(((dev.cameljira.jira.JiraEndpoint) e).getWebhookConfiguration().toString()).doesNotContain("TopSecretValue42");
    }

    @Test
    void optionsAreGeneratedEndpointOptions() throws Exception {
        JsonNode props;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/cameljira/jira/jira.json")) {
            assertThat(in).as("generated component descriptor").isNotNull();
            props = new ObjectMapper().readTree(in).get("properties");
        }
        for (String option : List.of("webhookPath", "registerWebhook", "webhookExternalUrl", "unregisterOnStop", "events", "secret",
                "maxBodySize", "maxJsonDepth", "idempotentRepository", "reconcileInterval", "webhookName", "allowUnsigned")) {
            assertThat(props.has(option)).as("endpoint option %s", option).isTrue();
            assertThat(props.get(option).get("label").asText()).as(option).contains("webhook");
            assertThat(props.get(option).get("description").asText()).as(option).isNotBlank();
        }
        assertThat(props.at("/secret/secret").asBoolean()).isTrue();
        assertThat(props.at("/allowUnsigned/defaultValue").asBoolean()).isFalse();
        assertThat(props.at("/webhookPath/defaultValue").asText()).isEqualTo("/jira/webhook");
        assertThat(props.at("/reconcileInterval/type").asText()).isEqualTo("duration");
    }
}
