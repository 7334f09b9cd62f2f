package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.test.JiraSandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** createIssue, getIssue and searchIssues, run against the sandbox in Cloud and in Data Center mode. */
abstract class CreateGetSearchContract extends JiraSandboxTestSupport {

    @Test
    void createIssueFromHeadersStoresTheIssueAndReturnsIt() {
        Object body = call("jira:createIssue", "First line\n\nSecond paragraph", Map.of(
                JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Bug",
                JiraConstants.SUMMARY, "Printer on fire",
                JiraConstants.PRIORITY, "High",
                JiraConstants.LABELS, List.of("hardware", "urgent")));

        JiraIssue issue = (JiraIssue) body;
        assertThat(issue.key()).startsWith("DEMO-");
        JsonNode stored = sandbox.admin().issue(issue.key());
        assertThat(stored.at("/fields/summary").asText()).isEqualTo("Printer on fire");
        assertThat(stored.at("/fields/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(stored.at("/fields/priority/name").asText()).isEqualTo("High");
        assertThat(issue.labels()).containsExactlyInAnyOrder("hardware", "urgent");
        assertThat(issue.description()).contains("First line").contains("Second paragraph");
        if (isCloud()) {
            assertThat(stored.at("/fields/description/type").asText()).as("v3 stores ADF").isEqualTo("doc");
        } else {
            assertThat(stored.at("/fields/description").isTextual()).as("v2 stores wiki text").isTrue();
        }
    }

    @Test
    void createIssueSetsResultHeaders() {
        Exchange ex = send("jira:createIssue", CreateIssueRequest.of("DEMO", "Task", "Typed request"), null);
        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_KEY)).isEqualTo(issue.key());
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_ID)).isEqualTo(issue.id());
        assertThat(issue.summary()).isEqualTo("Typed request");
    }

    @Test
    void createIssueReadsTheIssueBackByDefault() {
        JiraIssue issue = (JiraIssue) call("jira:createIssue", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, "Read back"));

        assertThat(issueRequests()).containsExactly("POST " + api() + "/issue", "GET " + api() + "/issue/" + issue.key());
        assertThat(issue.status()).as("what Jira filled in").isNotBlank();
    }

    @Test
    void createIssueWithoutReadBackMakesOneRequestAndReturnsTheAnswerWithTheFieldsSent() {
        JiraIssue issue = (JiraIssue) call("jira:createIssue?readBack=false", "Steps to reproduce", Map.of(
                JiraConstants.PROJECT_KEY, "DEMO", JiraConstants.ISSUE_TYPE_NAME, "Bug",
                JiraConstants.SUMMARY, "No read-back", JiraConstants.LABELS, List.of("bulk")));

        assertThat(issueRequests()).containsExactly("POST " + api() + "/issue");
        JsonNode stored = sandbox.admin().issue(issue.key());
        assertThat(issue.id()).isEqualTo(stored.path("id").asText());
        assertThat(issue.self()).isEqualTo(stored.path("self").asText());
        assertThat(issue.summary()).isEqualTo("No read-back");
        assertThat(issue.projectKey()).isEqualTo("DEMO");
        assertThat(issue.issueType()).isEqualTo("Bug");
        assertThat(issue.labels()).containsExactly("bulk");
        assertThat(issue.description()).contains("Steps to reproduce");
        assertThat(issue.status()).as("only what was sent: Jira's own values are not read").isNull();
    }

    @Test
    void createIssueFromJsonBodyResolvesCustomFieldByName() {
        String json = "{\"projectKey\":\"DEMO\",\"issueType\":\"Story\",\"summary\":\"Pointed story\","
                      + "\"fields\":{\"Story Points\":5}}";
        JiraIssue issue = (JiraIssue) call("jira:createIssue", json, null);
        assertThat(sandbox.admin().issue(issue.key()).at("/fields/customfield_10016").asDouble()).isEqualTo(5.0);
    }

    @Test
    void missingSummaryFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:createIssue", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Task"));
        assertThat(ex.getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("createIssue needs the summary")
                .hasMessageContaining("CamelJiraSummary");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    /** The requests to issues Jira got (Data Center mode first asks serverInfo for its version: not counted). */
    private List<String> issueRequests() {
        return sandbox.admin().requests().stream().map(r -> r.method() + " " + r.path())
                .filter(r -> r.contains(api() + "/issue")).toList();
    }

    private String api() {
        return "/rest/api/" + (isCloud() ? 3 : 2);
    }

    // ---- entity properties set with the create ------------------------------------------------------------------

    private long posts(String pathSuffix) {
        return sandbox.admin().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith(pathSuffix)).count();
    }

    @Test
    void createIssueSetsEntityPropertiesInTheSameRequest() {
        CreateIssueRequest req = CreateIssueRequest.of("DEMO", "Task", "Synced with ZD #4711")
                .withProperties(Map.of("zendesk", Map.of("ticketId", 4711, "brand", "acme")))
                .withProperty("sync.state", "new");
        JiraIssue issue = (JiraIssue) call("jira:createIssue", req, null);
        assertThat(posts("/issue")).as("one create, no second call").isEqualTo(1);
        assertThat(sandbox.admin().requests()).noneSatisfy(r -> assertThat(r.path()).contains("/properties"));

        JsonNode zendesk = restGet("/issue/" + issue.key() + "/properties/zendesk").path("value");
        assertThat(zendesk.path("ticketId").asInt()).isEqualTo(4711);
        assertThat(zendesk.path("brand").asText()).isEqualTo("acme");
        assertThat(restGet("/issue/" + issue.key() + "/properties/sync.state").path("value").asText()).isEqualTo("new");
    }

    @Test
    void createIssueTakesPropertiesFromTheHeaderAndTheJsonBodyWins() {
        JiraIssue fromHeader = (JiraIssue) call("jira:createIssue", null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, "Properties from a header",
                JiraConstants.ISSUE_PROPERTIES, Map.of("servicenow", Map.of("sysId", "abc123"), "attempts", 2)));
        assertThat(restGet("/issue/" + fromHeader.key() + "/properties/servicenow").at("/value/sysId").asText())
                .isEqualTo("abc123");
        assertThat(restGet("/issue/" + fromHeader.key() + "/properties/attempts").path("value").asInt()).isEqualTo(2);

        String json = "{\"projectKey\":\"DEMO\",\"issueType\":\"Task\",\"summary\":\"Properties from JSON\","
                      + "\"properties\":{\"zendesk\":{\"ticketId\":42}}}";
        JiraIssue fromJson = (JiraIssue) call("jira:createIssue", json,
                Map.of(JiraConstants.ISSUE_PROPERTIES, Map.of("fromHeader", true)));
        assertThat(restGet("/issue/" + fromJson.key() + "/properties/zendesk").at("/value/ticketId").asInt()).isEqualTo(42);
        assertThat(restStatus("/issue/" + fromJson.key() + "/properties/fromHeader")).as("the body wins").isEqualTo(404);
    }

    @Test
    void invalidPropertiesFailBeforeAnyHttpCall() {
        Map<String, Object> h = Map.of(JiraConstants.PROJECT_KEY, "DEMO", JiraConstants.ISSUE_TYPE_NAME, "Task",
                JiraConstants.SUMMARY, "never created");
        Map<String, Object> longKey = new java.util.HashMap<>(h);
        longKey.put(JiraConstants.ISSUE_PROPERTIES, Map.of("k".repeat(256), 1));
        assertThat(send("jira:createIssue", null, longKey).getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("256 characters").hasMessageContaining("255");

        Map<String, Object> bigValue = new java.util.HashMap<>(h);
        bigValue.put(JiraConstants.ISSUE_PROPERTIES, Map.of("big", "v".repeat(40_000)));
        assertThat(send("jira:createIssue", null, bigValue).getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("'big'").hasMessageContaining("32768");

        assertThat(send("jira:createIssue", "{\"projectKey\":\"DEMO\",\"issueType\":\"Task\",\"summary\":\"s\","
                + "\"properties\":42}", null).getException()).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("property key -> value");
        assertThat(sandbox.admin().requests()).as("nothing sent").isEmpty();
    }

    @Test
    void bulkCreateSetsEachItemsProperties() {
        String json = "[{\"summary\":\"bulk A\",\"properties\":{\"zendesk\":{\"ticketId\":1}}},"
                      + "{\"summary\":\"bulk B\",\"properties\":[{\"key\":\"zendesk\",\"value\":{\"ticketId\":2}}]}]";
        dev.cameljira.jira.model.BulkCreateResult result = (dev.cameljira.jira.model.BulkCreateResult) call(
                "jira:bulkCreateIssues", json, Map.of(JiraConstants.PROJECT_KEY, "DEMO", JiraConstants.ISSUE_TYPE_NAME, "Task"));
        assertThat(result.keys()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(restGet("/issue/" + result.keys().get(i) + "/properties/zendesk").at("/value/ticketId").asInt())
                    .isEqualTo(i + 1);
        }
        assertThat(posts("/issue/bulk")).isEqualTo(1);
    }

    @Test
    void getIssueReturnsFieldsAndHeaders() {
        String key = seedIssue("Seeded for get");
        Exchange ex = send("jira:getIssue", null, Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.key()).isEqualTo(key);
        assertThat(issue.summary()).isEqualTo("Seeded for get");
        assertThat(issue.status()).isEqualTo("To Do");
        assertThat(issue.projectKey()).isEqualTo("DEMO");
        assertThat(ex.getMessage().getHeader(JiraConstants.PROJECT_KEY)).isEqualTo("DEMO");
    }

    @Test
    void searchStreamsEveryPageLazily() {
        String label = "search" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            sandbox.admin().createIssue("DEMO", "Task", "Searchable " + i, Map.of("labels", List.of(label)));
        }
        sandbox.admin().clearRequests();
        @SuppressWarnings("unchecked")
        Iterator<JiraIssue> it = (Iterator<JiraIssue>) call("jira:searchIssues?maxResults=3",
                null, Map.of(JiraConstants.JQL, "labels = " + label + " ORDER BY created ASC"));
        String searchPath = isCloud() ? "/rest/api/3/search/jql" : "/rest/api/2/search";
        long requestsAfterFirstPage = searchRequests(searchPath);
        List<String> summaries = new ArrayList<>();
        it.forEachRemaining(i -> summaries.add(i.summary()));

        assertThat(summaries).containsExactly("Searchable 0", "Searchable 1", "Searchable 2", "Searchable 3",
                "Searchable 4", "Searchable 5", "Searchable 6");
        assertThat(requestsAfterFirstPage).as("only the first page is fetched by the producer").isEqualTo(1);
        assertThat(searchRequests(searchPath)).as("one request per page of 3").isEqualTo(3);
        assertThat(sandbox.admin().requests()).as("nothing but the search (and the one-time serverInfo)")
                .allSatisfy(r -> assertThat(r.path()).isIn(searchPath, "/rest/api/2/serverInfo"));
    }

    private long searchRequests(String path) {
        return sandbox.admin().requests().stream().filter(r -> r.path().equals(path)).count();
    }

    @Test
    void searchHonoursLimit() {
        String label = "limit" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            sandbox.admin().createIssue("DEMO", "Task", "Limited " + i, Map.of("labels", List.of(label)));
        }
        @SuppressWarnings("unchecked")
        Iterator<JiraIssue> it = (Iterator<JiraIssue>) call("jira:searchIssues?maxResults=2&limit=3", null,
                Map.of(JiraConstants.JQL, "labels = " + label));
        List<JiraIssue> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        assertThat(all).hasSize(3);
    }

    @Test
    void invalidJqlFailsInTheProducerWithJirasMessage() {
        Exchange ex = send("jira:searchIssues", null, Map.of(JiraConstants.JQL, "project = DEMO AND AND"));
        assertThat(ex.getException()).isInstanceOf(dev.cameljira.jira.client.JiraBadRequestException.class)
                .hasMessageContaining("400");
    }

    @SuppressWarnings("unchecked")
    private List<String> summaries(Object iterator) {
        List<String> out = new ArrayList<>();
        ((Iterator<JiraIssue>) iterator).forEachRemaining(i -> out.add(i.summary()));
        return out;
    }

    @Test
    void searchTakesItsRequestFromAJsonTextMapRecordOrPlainJqlBody() {
        String label = "typed" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            sandbox.admin().createIssue("DEMO", "Task", "Typed " + i, Map.of("labels", List.of(label)));
        }
        String jql = "labels = " + label + " ORDER BY created ASC";
        String searchPath = isCloud() ? "/rest/api/3/search/jql" : "/rest/api/2/search";
        sandbox.admin().clearRequests();

        List<String> fromJson = summaries(call("jira:searchIssues?maxResults=50",
                "{\"jql\": \"" + jql + "\", \"fields\": \"summary\", \"maxResults\": 2, \"limit\": 3}", Map.of()));
        assertThat(fromJson).containsExactly("Typed 0", "Typed 1", "Typed 2");
        assertThat(searchRequests(searchPath)).as("the body's page size 2 beat the option's 50; the limit stopped the paging")
                .isEqualTo(2);
        assertThat(summaries(call("jira:searchIssues", Map.of("jql", jql, "limit", 1), Map.of()))).containsExactly("Typed 0");
        assertThat(summaries(call("jira:searchIssues", dev.cameljira.jira.model.SearchRequest.of(jql).withMaxResults(4),
                Map.of(JiraConstants.JQL, "project = NOPE")))).as("the record's JQL beats the header").hasSize(5);
        assertThat(summaries(call("jira:searchIssues", jql.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of())))
                .as("plain text is the JQL").hasSize(5);
    }

    @Test
    void aSearchBodyWithAnUnknownKeyFailsBeforeAnyCallNamingIt() {
        sandbox.admin().clearRequests();
        Exchange ex = send("jira:searchIssues", "{\"jq\": \"project = DEMO\"}", Map.of());
        assertThat(ex.getException()).isInstanceOf(dev.cameljira.jira.client.JiraInvalidInputException.class)
                .hasMessageContaining("searchIssues").hasMessageContaining("no key 'jq'");
        assertThat(sandbox.admin().requests()).noneMatch(r -> r.path().contains("/search"));
    }
}
