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
}
