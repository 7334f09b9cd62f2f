package dev.cameljira.jira.compat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apache's two Jira SOURCE Kamelets, loaded unchanged from org.apache.camel.kamelets:camel-kamelets, run on this
 * component: {@code jira-source} (basic auth) and {@code jira-oauth-source} (OAuth 1.0a RSA-SHA1 with consumerKey,
 * privateKey, accessToken, verificationCode) poll {@code jira:newIssues} and marshal each event with Jackson (and the
 * Joda module the Kamelets load) into a Jira-webhook-shaped JSON object. The Kamelets give no way to shorten the poll
 * delay (6 s, camel-jira's default), so in these tests every jira: endpoint whose URI sets no delay polls every
 * {@value #POLL_MILLIS} ms: the Kamelets run unchanged, the tests need not wait for a real 6-second scheduler.
 */
abstract class ApacheJiraSourceKameletsContract extends CamelJiraCompatSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 200;

    @Override
    protected void addRoutes(CamelContext context) throws Exception {
        // every jira: endpoint whose URI sets no delay polls every POLL_MILLIS ms (the consumer copies the endpoint's
        // delay when the route creates it, after this callback)
        context.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof JiraEndpoint jira && !uri.contains("delay=")) {
                jira.setDelay(POLL_MILLIS);
                jira.setInitialDelay(0);
            }
            return endpoint;
        });
        String url = sandbox.baseUrl();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:jira-source?jiraUrl=" + url + "&username=" + login() + "&password=" + secret() + "&jql=project=DEMO")
                        .routeId("jira-source").convertBodyTo(String.class).to("mock:source");
                from("kamelet:jira-oauth-source?jiraUrl=" + url + "&consumerKey=" + SandboxUsers.OAUTH_CONSUMER_KEY
                     + "&accessToken=" + SandboxUsers.OAUTH_ACCESS_TOKEN + "&verificationCode="
                     + SandboxUsers.OAUTH_VERIFICATION_CODE + "&privateKey=RAW(" + SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64
                     + ")&jql=project=DEMO")
                        .routeId("jira-oauth-source").convertBodyTo(String.class).to("mock:oauth");
            }
        });
    }

    @Test
    void theSourceKameletsComeFromApachesCatalogJar() {
        for (String name : new String[] { "jira-source", "jira-oauth-source" }) {
            URL url = getClass().getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml");
            assertThat(url).as(name).isNotNull();
            assertThat(url.toString()).as(name).contains("camel-kamelets-");
        }
    }

    /** Both routes poll the same project at the same time, so one test covers both. */
    @Test
    void bothSourceKameletsEmitEachNewIssueOnceAsJson() throws Exception {
        String a = seedIssue("Kamelet source one");
        String b = seedIssue("Kamelet source two");

        List<JsonNode> basic = awaitEachOnce("mock:source", r -> basicAuth(r), a, b);
        List<JsonNode> signed = awaitEachOnce("mock:oauth", r -> oauth(r), a, b);

        for (List<JsonNode> events : List.of(basic, signed)) {
            JsonNode first = events.stream().filter(e -> e.at("/issue/key").asText().equals(a)).findFirst().orElseThrow();
            assertThat(first.path("webhookEvent").asText()).isEqualTo("jira:issue_created");
            assertThat(first.at("/issue/fields/summary").asText()).isEqualTo("Kamelet source one");
            assertThat(first.at("/issue/fields/project/key").asText()).isEqualTo("DEMO");
        }
        assertThat(sandbox.admin().requests()).as("jira-oauth-source's polls are OAuth 1.0a signed and accepted")
                .filteredOn(r -> r.path().contains("/search")).filteredOn(r -> oauth(r)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).as("signed poll %s", r.path()).isEqualTo(200));
    }

    private static boolean basicAuth(HttpExchangeRecord r) {
        String h = r.requestHeader("Authorization");
        return h != null && h.startsWith("Basic ");
    }

    private static boolean oauth(HttpExchangeRecord r) {
        String h = r.requestHeader("Authorization");
        return h != null && h.startsWith("OAuth ");
    }

    /**
     * Waits until the mock got an event for each key, then for one more search by the same route (so a duplicate
     * would have arrived), and returns the JSON events of these keys, asserting each key came exactly once.
     */
    private List<JsonNode> awaitEachOnce(String mockUri, Predicate<HttpExchangeRecord> byRoute, String... keys) {
        MockEndpoint mock = context.getEndpoint(mockUri, MockEndpoint.class);
        await().alias(mockUri + " got an event for each of " + List.of(keys)).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> events(mock, keys).stream().map(e -> e.at("/issue/key").asText()).toList()
                        .containsAll(List.of(keys)));
        // polls run one after the other and route their events before the next one searches: once two more searches
        // were made, the poll after the one that emitted the keys has routed whatever it found (a duplicate included)
        long searches = searches(byRoute);
        await().alias(mockUri + " polled twice more; its searches: " + describeSearches(byRoute)).atMost(WAIT)
                .pollInterval(Duration.ofMillis(50)).until(() -> searches(byRoute) >= searches + 2);
        List<JsonNode> events = events(mock, keys);
        assertThat(events).extracting(e -> e.at("/issue/key").asText()).as("one event per new issue")
                .containsExactlyInAnyOrder(keys);
        return events;
    }

    private List<String> describeSearches(Predicate<HttpExchangeRecord> byRoute) {
        return sandbox.admin().requests().stream().filter(r -> r.path().contains("/search")).filter(byRoute)
                .map(r -> r.method() + " " + r.path() + " " + r.query() + " -> " + r.status()).toList();
    }

    private long searches(Predicate<HttpExchangeRecord> byRoute) {
        return sandbox.admin().requests().stream().filter(r -> r.path().contains("/search")).filter(byRoute).count();
    }

    /** The mock's bodies (the JSON the Kamelet marshalled, as text) that are about one of the keys. */
    private static List<JsonNode> events(MockEndpoint mock, String... keys) {
        List<JsonNode> out = new ArrayList<>();
        for (Exchange ex : List.copyOf(mock.getReceivedExchanges())) {
            String json = ex.getMessage().getBody(String.class);
            try {
                JsonNode n = MAPPER.readTree(json);
                if (List.of(keys).contains(n.at("/issue/key").asText())) {
                    out.add(n);
                }
            } catch (IOException e) {
                throw new AssertionError("the Kamelet did not emit JSON: " + json, e);
            }
        }
        return out;
    }
}
