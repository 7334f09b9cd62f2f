package dev.cameljira.jira.consumer.webhook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A webhook without a secret accepts forged deliveries, so a blank or missing secret (an empty Kubernetes Secret, an
 * empty .env line) stops the route from starting, with a message naming the option; only allowUnsigned=true (local use)
 * runs a webhook without one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSecretRequiredTest {

    private static final String FORGED = "{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_deleted\","
                                         + "\"issue\":{\"id\":\"666\",\"key\":\"EVIL-1\"}}";

    private CamelContext context;
    private WebhookHttp http;
    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();

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
        routed.clear();
        for (Route r : List.copyOf(context.getRoutes())) {
            context.getRouteController().stopRoute(r.getRouteId());
            context.removeRoute(r.getRouteId());
        }
    }

    private Throwable startFailure(String uri) {
        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(routed::record);
            }
        }));
        assertThat(thrown).as("starting %s must fail", uri).isNotNull();
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause)
                .filter(t -> t instanceof IllegalArgumentException).findFirst().orElse(thrown);
    }

    @Test
    void aBlankSecretStopsTheRouteAndNothingForgedIsRouted() {
        for (String blank : List.of("secret=", "secret=RAW(   )")) {
            String path = "/secret/blank" + blank.length();
            assertThat(startFailure("jira:webhook?webhookPath=" + path + "&" + blank)).as(blank)
                    .hasMessageContaining("secret").hasMessageContaining("blank").hasMessageContaining("allowUnsigned=true");
            assertThat(http.deliver(path, null, FORGED).statusCode()).as("nobody listens on %s", path).isEqualTo(404);
        }
        assertThat(routed.all()).isEmpty();
    }

    @Test
    void aMissingSecretStopsTheRoute() {
        assertThat(startFailure("jira:webhook?webhookPath=/secret/missing")).hasMessageContaining("secret")
                .hasMessageContaining("allowUnsigned=true");
    }

    @Test
    void allowUnsignedRunsWithoutASecretWhenAskedExplicitly() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jira:webhook?webhookPath=/secret/local&allowUnsigned=true").routeId("local").process(routed::record);
            }
        });
        assertThat(http.deliver("/secret/local", null, FORGED).statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
    }

    @Test
    void aSecretIsCheckedEvenWithAllowUnsigned() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jira:webhook?webhookPath=/secret/both&secret=s3cret&allowUnsigned=true").process(routed::record);
            }
        });
        assertThat(http.deliver("/secret/both", null, FORGED).statusCode()).isEqualTo(401);
        assertThat(http.deliver("/secret/both", "s3cret", FORGED).statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
    }
}
