package dev.cameljira.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.service.EventPublisher;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import dev.cameljira.sandbox.webhook.WebhookRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Walks the Jira route table of each mode against that mode's OpenAPI document: every {@code /rest/api/...} route the
 * sandbox serves in Cloud mode is an operation of the Cloud document (under {@code /rest/api/3} and, for REST v2, the
 * same path), and every route it serves in Data Center mode is an operation of the DC 10.3 document. So a Cloud-only
 * endpoint ({@code issue/{key}/changelog}, {@code search/jql}, {@code label}, ...) is a 404 in Data Center mode and a
 * DC-only one a 404 in Cloud mode, as each Jira answers.
 */
class RouteTableSpecTest {

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void everyServedRouteIsAnOperationOfTheModesSpec(JiraSandbox.Mode mode) {
        JiraStore store = new JiraStore(mode, Clock.systemUTC(), ZoneOffset.UTC);
        SearchService search = new SearchService(store);
        Router router = JiraRoutes.create(new JiraContext(store, EventPublisher.NONE), search, new WebhookRegistry(search));
        JiraSpecValidator spec = mode == JiraSandbox.Mode.CLOUD ? JiraSpecValidator.cloud() : JiraSpecValidator.dataCenter();
        List<String> versions = mode == JiraSandbox.Mode.CLOUD ? List.of("3", "2") : List.of("2");

        List<String> checked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Router.Route route : router.routes()) {
            if (!route.pattern().startsWith("/rest/api/{version}/")) {
                continue; // the admin webhook API and /secure/ content URLs are in neither document
            }
            for (String version : versions) {
                String path = concrete(route.pattern().replace("{version}", version));
                HttpExchangeRecord probe = new HttpExchangeRecord(route.method(), path, Map.of(), Map.of(), new byte[0], 0,
                        Map.of(), new byte[0]);
                checked.add(route.method() + " " + path);
                spec.validateRequest(probe).stream().filter(v -> v.contains(JiraSpecValidator.UNKNOWN))
                        .forEach(v -> unknown.add(route.method() + " " + route.pattern() + " (v" + version + ")"));
            }
        }
        assertThat(checked).as("the route table was walked").hasSizeGreaterThan(40);
        assertThat(unknown).as("routes served in " + mode + " mode that the " + mode + " spec does not have").isEmpty();
    }

    /** A path with sample values for the placeholders (numbers where Jira takes ids, a key for issues). */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{key}", "DEMO-1").replaceAll("\\{[^}/]+}", "10000");
    }
}
