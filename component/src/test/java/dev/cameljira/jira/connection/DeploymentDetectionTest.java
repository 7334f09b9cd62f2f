package dev.cameljira.jira.connection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraServerException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * deployment=auto|cloud|server and apiVersion=auto|2|3, proven by the sandbox's request journal: auto asks serverInfo
 * exactly once per endpoint, whatever the number of messages and operations; Cloud speaks v3 with ADF, Data Center v2
 * with strings; apiVersion=2 makes Cloud speak v2 with wiki strings; an explicit deployment never asks; apiVersion=3
 * against Data Center fails every message with an error naming apiVersion, before anything reaches /rest/api/3.
 */
class DeploymentDetectionTest extends SandboxPairSupport {

    private static final String SERVER_INFO = "/rest/api/2/serverInfo";
    private static final String MARKDOWN = "Some **bold** text";
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void autoAsksServerInfoOnceForEveryMessageAndOperationOfAnEndpoint(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        // one endpoint; the operation header switches between createIssue, getIssue, addComment and searchIssues
        String endpoint = uri("getIssue", jira, adminBasic(jira) + "&deployment=auto");
        JiraIssue created = (JiraIssue) camel.call(endpoint, "first", with(newIssue("Task", "Detect once"),
                JiraConstants.OPERATION, "createIssue"));
        for (int i = 0; i < 3; i++) {
            camel.call(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, created.key()));
        }
        camel.call(endpoint, "a comment", Map.of(JiraConstants.OPERATION, "addComment", JiraConstants.ISSUE_KEY, created.key()));
        Iterator<?> found = (Iterator<?>) camel.call(endpoint, null, Map.of(JiraConstants.OPERATION, "searchIssues",
                JiraConstants.JQL, "key = " + created.key()));
        assertThat(found).toIterable().hasSize(1);

        assertThat(requests(jira, "GET", SERVER_INFO)).as("6 messages, 4 operations, 1 endpoint").hasSize(1);
        String api = mode == JiraSandbox.Mode.CLOUD ? "/rest/api/3/" : "/rest/api/2/";
        assertThat(jira.admin().requests()).extracting(HttpExchangeRecord::path)
                .allSatisfy(p -> assertThat(p.equals(SERVER_INFO) || p.startsWith(api)).as(p).isTrue());
    }

    @Test
    void concurrentFirstMessagesStillAskServerInfoOnce() throws Exception {
        String key = cloud.admin().createIssue("DEMO", "Task", "Concurrent detection");
        String endpoint = uri("getIssue", cloud, adminBasic(cloud));
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return camel.call(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key));
                }));
            }
            go.countDown();
            for (Future<Object> f : results) {
                assertThat(((JiraIssue) f.get(30, TimeUnit.SECONDS)).key()).isEqualTo(key);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests(cloud, "GET", SERVER_INFO)).hasSize(1);
        assertThat(requests(cloud, "GET", "/rest/api/3/issue/" + key)).hasSize(threads);
    }

    @Test
    void aFailedDetectionIsNotCachedTheNextMessageAsksAgain() {
        String key = cloud.admin().createIssue("DEMO", "Task", "Detect after failure");
        cloud.admin().faults().failNext("GET", SERVER_INFO, 500, 1);
        String endpoint = uri("getIssue", cloud, adminBasic(cloud) + "&maxRetries=0");

        Exchange first = camel.send(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key));
        JiraIssue second = (JiraIssue) camel.call(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key));
        camel.call(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key));

        assertThat(first.getException()).isInstanceOf(JiraServerException.class).hasMessageContaining("serverInfo");
        assertThat(second.key()).isEqualTo(key);
        assertThat(requests(cloud, "GET", SERVER_INFO)).extracting(HttpExchangeRecord::status).containsExactly(500, 200);
    }

    @Test
    void cloudAutoSendsV3WithAdf() throws Exception {
        JiraIssue issue = (JiraIssue) camel.call(uri("createIssue", cloud, adminBasic(cloud)), MARKDOWN,
                newIssue("Task", "ADF on v3"));

        JsonNode description = createBody(cloud, 3).at("/fields/description");
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.toString()).contains("\"strong\"").doesNotContain("**");
        assertThat(cloud.admin().issue(issue.key()).at("/fields/description/type").asText()).isEqualTo("doc");
        assertThat(requestsUnder(cloud, "/rest/api/2/")).extracting(HttpExchangeRecord::path).containsOnly(SERVER_INFO);
    }

    @Test
    void serverAutoSendsV2WithWikiStrings() throws Exception {
        JiraIssue issue = (JiraIssue) camel.call(uri("createIssue", server, adminBasic(server)), MARKDOWN,
                newIssue("Task", "wiki on v2"));

        JsonNode description = createBody(server, 2).at("/fields/description");
        assertThat(description.isTextual()).as("v2 takes a string").isTrue();
        assertThat(description.asText()).isEqualTo("Some *bold* text");
        assertThat(server.admin().issue(issue.key()).at("/fields/description").asText()).isEqualTo("Some *bold* text");
        assertThat(requestsUnder(server, "/rest/api/3/")).isEmpty();
    }

    @Test
    void apiVersion2OnCloudSendsWikiStringsToV2() throws Exception {
        JiraIssue issue = (JiraIssue) camel.call(uri("createIssue", cloud, adminBasic(cloud) + "&apiVersion=2"), MARKDOWN,
                newIssue("Task", "wiki on Cloud v2"));

        JsonNode description = createBody(cloud, 2).at("/fields/description");
        assertThat(description.isTextual()).isTrue();
        assertThat(description.asText()).isEqualTo("Some *bold* text");
        assertThat(requestsUnder(cloud, "/rest/api/3/")).as("nothing goes to v3").isEmpty();
        assertThat(cloud.admin().issue(issue.key()).at("/fields/summary").asText()).isEqualTo("wiki on Cloud v2");
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void anExplicitDeploymentNeverAsksServerInfo(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String deployment = mode == JiraSandbox.Mode.CLOUD ? "cloud" : "server";
        String endpoint = uri("createIssue", jira, adminBasic(jira) + "&deployment=" + deployment);

        JiraIssue issue = (JiraIssue) camel.call(endpoint, MARKDOWN, newIssue("Task", "explicit " + deployment));
        camel.call(endpoint, null, Map.of(JiraConstants.OPERATION, "getIssue", JiraConstants.ISSUE_KEY, issue.key()));

        assertThat(requests(jira, "GET", SERVER_INFO)).isEmpty();
        String api = mode == JiraSandbox.Mode.CLOUD ? "/rest/api/3/" : "/rest/api/2/";
        assertThat(jira.admin().requests()).isNotEmpty().extracting(HttpExchangeRecord::path).allSatisfy(p -> assertThat(p)
                .startsWith(api));
    }

    @Test
    void apiVersion3AgainstDataCenterFailsEveryMessageNamingApiVersion() {
        String key = server.admin().createIssue("DEMO", "Task", "v3 is Cloud only");
        String endpoint = uri("getIssue", server, adminBasic(server) + "&apiVersion=3");

        for (int i = 0; i < 2; i++) {
            Exchange ex = camel.send(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key));
            assertThat(ex.getException()).as("message %s", i + 1).isInstanceOf(JiraInvalidInputException.class)
                    .hasMessageContaining("apiVersion=3")
                    .hasMessageContaining("REST v2 only");
        }
        assertThat(requestsUnder(server, "/rest/api/3/")).as("nothing may reach v3 on Data Center").isEmpty();
        assertThat(requests(server, "GET", SERVER_INFO)).hasSize(1);
    }

    @Test
    void apiVersion3WithAnExplicitServerDeploymentIsRefusedWhenTheEndpointIsCreated() {
        Throwable t = catchThrowable(() -> camel.send(uri("getIssue", server, adminBasic(server) + "&deployment=server&apiVersion=3"),
                null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1")));

        assertThat(t).isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("apiVersion=3")
                .hasRootCauseInstanceOf(JiraInvalidInputException.class);
        assertThat(server.admin().requests()).isEmpty();
    }

    private JsonNode createBody(JiraSandbox jira, int version) throws Exception {
        List<HttpExchangeRecord> posts = requests(jira, "POST", "/rest/api/" + version + "/issue");
        assertThat(posts).as("one POST /rest/api/%s/issue", version).hasSize(1);
        return json.readTree(posts.get(0).requestBody());
    }

    private static Map<String, Object> with(Map<String, Object> headers, String name, Object value) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
