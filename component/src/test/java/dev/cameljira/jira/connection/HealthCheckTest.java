package dev.cameljira.jira.connection;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.test.SpecCheckedWireMock;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of jira: producers (Camel's "producers" health-check repository, as
 * {@code camel.health.producersEnabled=true} turns it on): UP with the Jira user and deployment, DOWN with the reason
 * (unreachable, unauthorized, forbidden), one check per endpoint, asked once without retries.
 */
class HealthCheckTest extends SandboxPairSupport {

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void upWithTheJiraUserAndDeployment(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);

        List<HealthCheck.Result> results = readiness(uri("getIssue", jira, adminBasic(jira)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("jira.deployment", mode == JiraSandbox.Mode.CLOUD ? "cloud" : "server")
                    .containsEntry("jira.reason", "up")
                    .containsEntry("jira.apiVersion", mode == JiraSandbox.Mode.CLOUD ? 3 : 2)
                    .containsEntry("jira.url", jira.baseUrl());
            assertThat((String) r.getDetails().get("jira.user")).contains(SandboxUsers.ADMIN_DISPLAY_NAME)
                    .contains(mode == JiraSandbox.Mode.CLOUD ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME);
        });
        assertThat(requests(jira, "GET", "/rest/api/2/myself")).hasSize(1);
    }

    @Test
    void downWhenJiraIsUnreachableAfterOneAttempt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        List<HealthCheck.Result> results = readiness("jira:getIssue?jiraUrl=http://127.0.0.1:" + closedPort
                                                     + "&username=admin@example.com&apiToken=whatever&callListener=#recordSleeps");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getDetails()).containsEntry("jira.reason", "unreachable");
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("unreachable").contains(
                    String.valueOf(closedPort)));
        });
        assertThat(sleeps).as("a readiness probe answers at once: no retries, no backoff").isEmpty();
    }

    @Test
    void downAndUnauthorizedWithBadCredentialsNamingTheUserNotTheToken() {
        String bad = "bad-token-for-health";

        List<HealthCheck.Result> results = readiness(uri("getIssue", cloud, "username=" + SandboxUsers.ADMIN_EMAIL
                                                                            + "&apiToken=" + bad));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getDetails()).containsEntry("jira.reason", "unauthorized").doesNotContainKey("jira.user");
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401").contains(SandboxUsers.ADMIN_EMAIL)
                    .doesNotContain(bad));
            assertThat(r.getDetails().values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(bad));
        });
    }

    @Test
    void downAndForbiddenWhenJiraRefusesMyself() {
        try (SpecCheckedWireMock wm = new SpecCheckedWireMock(JiraSpecValidator.cloud())) {
            wm.server().stubFor(get(urlPathEqualTo("/rest/api/2/myself")).willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errorMessages\":[\"You do not have access to this Jira site.\"],\"errors\":{}}")));

            List<HealthCheck.Result> results = readiness("jira:getIssue?jiraUrl=" + wm.baseUrl()
                                                         + "&username=admin@example.com&apiToken=t0ken-403");

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                assertThat(r.getDetails()).containsEntry("jira.reason", "forbidden");
                assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("403")
                        .contains("You do not have access to this Jira site.").doesNotContain("t0ken-403"));
            });
            assertThat(wm.violations()).isEmpty();
        }
    }

    @Test
    void downWhenTheConfiguredApiVersionDoesNotFitTheDetectedDeployment() {
        List<HealthCheck.Result> results = readiness(uri("getIssue", server, adminBasic(server) + "&apiVersion=3"));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.getState()).as("every message of this endpoint would fail").isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getDetails()).containsEntry("jira.reason", "error");
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("apiVersion=3"));
        });
    }

    @Test
    void twoEndpointsOfTheSameOperationAreCheckedSeparately() {
        List<HealthCheck.Result> results = readiness(uri("getIssue", cloud, adminBasic(cloud)),
                uri("getIssue", server, "accessToken=not-a-valid-pat"));

        assertThat(results).hasSize(2);
        assertThat(results).extracting(r -> r.getDetails().get("jira.url") + " " + r.getState())
                .containsExactlyInAnyOrder(cloud.baseUrl() + " UP", server.baseUrl() + " DOWN");
        assertThat(results).extracting(r -> r.getCheck().getId()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("producer:jira-getIssue"));
    }

    @Test
    void itIsAReadinessCheckNotALivenessCheck() {
        try (CamelFixture ctx = withProducers(uri("getIssue", cloud, adminBasic(cloud)))) {
            assertThat(HealthCheckHelper.invokeLiveness(ctx.context())).extracting(r -> r.getCheck().getId())
                    .noneMatch(id -> id.startsWith("producer:jira"));
        }
        assertThat(cloud.admin().requests()).as("liveness does not call Jira").isEmpty();
    }

    /** Starts a context with the producers repository enabled and one route per URI; returns the jira checks' results. */
    private List<HealthCheck.Result> readiness(String... uris) {
        try (CamelFixture ctx = withProducers(uris)) {
            return HealthCheckHelper.invokeReadiness(ctx.context()).stream()
                    .filter(r -> r.getCheck().getId().startsWith("producer:jira"))
                    .toList();
        }
    }

    private CamelFixture withProducers(String... uris) {
        return CamelFixture.start((context, jira) -> {
            // what camel.health.producersEnabled=true does in Camel Main / Quarkus
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
            producers.setEnabled(true);
            registry.register(producers);
            // report every check, not only the DOWN ones when one is DOWN
            registry.setExposureLevel("full");
            context.getRegistry().bind("recordSleeps", retryWaits(sleeps));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < uris.length; i++) {
                        from("direct:r" + i).to(uris[i]);
                    }
                }
            });
        });
    }

    /** A call listener that records every retry wait the client schedules. */
    static JiraCallListener retryWaits(List<Duration> waits) {
        return new JiraCallListener() {
            @Override
            public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
                waits.add(delay);
            }
        };
    }
}
