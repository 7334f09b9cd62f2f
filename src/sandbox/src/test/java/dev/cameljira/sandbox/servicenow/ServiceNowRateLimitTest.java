package dev.cameljira.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.servicenow.ServiceNowConstants;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's fault injection on ServiceNow paths: a rate-limited request gets ServiceNow's documented 429 body and
 * headers, injected failures ServiceNow's error shape, and what camel-servicenow 4.17 makes of them.
 */
class ServiceNowRateLimitTest {
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

    @AfterEach
    void resetFaults() {
        sandbox.admin().faults().reset();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        sandbox.close();
    }

    private static TestHttp http() {
        return new TestHttp(sandbox.baseUrl(), TestHttp.basic(ServiceNowEmulator.ADMIN_USER,
                ServiceNowEmulator.ADMIN_PASSWORD));
    }

    private static List<?> retrieveIncidents() {
        String uri = "servicenow:sandbox?apiUrl=RAW(" + sandbox.baseUrl() + "/api)&userName=admin&password=RAW("
                + ServiceNowEmulator.ADMIN_PASSWORD + ")&resource=table&table=incident";
        return template.requestBodyAndHeaders(uri, null, Map.of(
                ServiceNowConstants.ACTION, ServiceNowConstants.ACTION_RETRIEVE,
                ServiceNowConstants.SYSPARM_LIMIT, 1), List.class);
    }

    /** Calls until one fails (at most 20 calls; at a limit of 1/s two calls in a row share a window). */
    private static ServiceNowException firstFailure() {
        for (int i = 0; i < 20; i++) {
            try {
                retrieveIncidents();
            } catch (CamelExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ServiceNowException.class);
                return (ServiceNowException) e.getCause();
            }
        }
        throw new AssertionError("20 calls at a limit of 1/s were all accepted");
    }

    @Test
    void overTheRateLimitServiceNowAnswers429WithItsBodyAndRateLimitHeaders() {
        sandbox.serviceNow().createIncident("one");
        sandbox.admin().faults().rateLimit(1);
        List<TestHttp.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 20 && replies.stream().noneMatch(r -> r.status() == 429); i++) {
            replies.add(http().get("/api/now/table/incident?sysparm_limit=1"));
        }

        TestHttp.Reply limited = replies.get(replies.size() - 1);
        assertThat(limited.status()).as("20 requests at a limit of 1/s were all accepted").isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/json");
        assertThat(limited.json().at("/error/message").asText()).isEqualTo("Rate limit exceeded");
        assertThat(limited.json().at("/error/detail").asText())
                .isEqualTo("Rate limit of 1 requests per second for Table API exceeded");
        assertThat(limited.json().get("status").asText()).isEqualTo("failure");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("1");
        assertThat(Long.parseLong(limited.header("X-RateLimit-Reset")))
                .isBetween(Instant.now().getEpochSecond() - 1, Instant.now().getEpochSecond() + 2);
        assertThat(limited.header("X-RateLimit-Rule")).matches("[0-9a-f]{32}");
        assertThat(limited.json().has("errorMessages")).as("not Jira's shape").isFalse();

        sandbox.admin().faults().rateLimit(0);
        assertThat(http().get("/api/now/table/incident?sysparm_limit=1").status()).isEqualTo(200);
    }

    @Test
    void camelServiceNowRaisesAServiceNowExceptionWithStatus429AndTheBodyAsAttributes() {
        retrieveIncidents();
        sandbox.admin().faults().rateLimit(1);

        ServiceNowException limited = firstFailure();

        assertThat(limited.getCode()).isEqualTo(429);
        assertThat(limited.getMessage()).isEqualTo("Status (429)");
        assertThat(limited.getStatus()).as("429 is not one of the codes the component reads as an error body")
                .isNull();
        assertThat(limited.getAttributes()).containsEntry("status", "failure");
        @SuppressWarnings("unchecked")
        Map<Object, Object> error = (Map<Object, Object>) limited.getAttributes().get("error");
        assertThat(error).containsEntry("message", "Rate limit exceeded")
                .containsEntry("detail", "Rate limit of 1 requests per second for Table API exceeded");

        sandbox.admin().faults().rateLimit(0);
        assertThat(retrieveIncidents()).isNotNull();
    }

    @Test
    void injectedFailuresOnServiceNowPathsUseServiceNowsErrorShape() {
        sandbox.admin().faults().failNext("GET", "/api/now/table/incident", 404, 1);
        assertThatThrownBy(ServiceNowRateLimitTest::retrieveIncidents).rootCause()
                .isInstanceOf(ServiceNowException.class).satisfies(e -> {
                    ServiceNowException sn = (ServiceNowException) e;
                    assertThat(sn.getCode()).isEqualTo(404);
                    assertThat(sn.getMessage()).isEqualTo("No Record found");
                    assertThat(sn.getStatus()).isEqualTo("failure");
                });

        sandbox.admin().faults().failNext("GET", "/api/now/", 503, 1);
        TestHttp.Reply unavailable = http().get("/api/now/attachment");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("1");
        assertThat(unavailable.json().at("/error/message").asText()).isEqualTo("Service Unavailable");

        sandbox.admin().faults().failNext("GET", "/api/now/", 429, 1);
        TestHttp.Reply tooMany = http().get("/api/now/attachment");
        assertThat(tooMany.json().at("/error/detail").asText()).isEqualTo("Rate limit for Attachment API exceeded");
        assertThat(tooMany.header("Retry-After")).isEqualTo("1");
        assertThat(http().get("/api/now/attachment").status()).isEqualTo(200);
    }
}
