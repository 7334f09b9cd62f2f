package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cloud search: /search/jql with token paging, bounded JQL, field selection, minute-precision dates. */
class SearchTest extends SpecCheckedSandboxTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:15:05Z"), ZoneId.of("UTC"));
    private Client admin;

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.clock(clock);
    }

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
    }

    private static String q(String jql) {
        return URLEncoder.encode(jql, StandardCharsets.UTF_8);
    }

    @Test
    void createdIssueIsFoundAndPagedWithTokens() {
        String label = "pager";
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(sandbox.admin().createIssue("DEMO", "Task", "page " + i, Map.of("labels", List.of(label))));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String url = "/rest/api/3/search/jql?jql=" + q("labels = " + label + " ORDER BY created ASC") + "&maxResults=2&fields=summary"
                    + (token == null ? "" : "&nextPageToken=" + q(token));
            JsonNode page = admin.get(url).json();
            page.get("issues").forEach(i -> seen.add(i.get("key").asText()));
            token = page.path("nextPageToken").asText(null);
            assertThat(page.get("isLast").asBoolean()).isEqualTo(token == null);
            assertThat(page.has("total")).isFalse();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(keys);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void defaultFieldsAreIdsOnlyAndFieldsCanBeChosen() {
        String key = sandbox.admin().createIssue("DEMO", "Bug", "fields", Map.of("labels", List.of("fieldsel")));
        JsonNode ids = admin.post("/rest/api/3/search/jql", "{\"jql\":\"labels = fieldsel\"}").json();
        assertThat(ids.at("/issues/0/id").asText()).isNotBlank();
        assertThat(ids.at("/issues/0").size()).isEqualTo(1);

        JsonNode all = admin.post("/rest/api/3/search/jql", "{\"jql\":\"labels = fieldsel\",\"fields\":[\"*all\"],\"expand\":\"changelog\"}").json();
        assertThat(all.at("/issues/0/key").asText()).isEqualTo(key);
        assertThat(all.at("/issues/0/fields/status/name").asText()).isEqualTo("To Do");
        assertThat(all.at("/issues/0/changelog/histories").isArray()).isTrue();

        JsonNode v2 = admin.get("/rest/api/2/search/jql?jql=" + q("key = " + key) + "&fields=summary,status").json();
        assertThat(v2.at("/issues/0/fields").size()).isEqualTo(2);
    }

    @Test
    void searchSeesEditsAndCommentsAreCapped() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "before");
        for (int i = 0; i < 25; i++) {
            sandbox.admin().addComment(key, "comment " + i);
        }
        sandbox.admin().updateIssue(key, Map.of("summary", "after edit"));
        JsonNode found = admin.get("/rest/api/3/search/jql?jql=" + q("key = " + key) + "&fields=summary,comment").json();
        assertThat(found.at("/issues/0/fields/summary").asText()).isEqualTo("after edit");
        assertThat(found.at("/issues/0/fields/comment/total").asInt()).isEqualTo(25);
        assertThat(found.at("/issues/0/fields/comment/comments").size()).isEqualTo(20);
    }

    @Test
    void unboundedQueriesAreRejected() {
        Client.Resp r = admin.get("/rest/api/3/search/jql?jql=" + q("ORDER BY created DESC"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errorMessages").get(0).asText())
                .isEqualTo("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        assertThat(admin.post("/rest/api/3/search/jql", "{}").status()).isEqualTo(400);
    }

    @Test
    void datesCompareWithMinutePrecision() {
        clock.set(Instant.parse("2026-12-01T08:30:10Z"));
        String first = sandbox.admin().createIssue("DEMO", "Task", "minute one", Map.of("labels", List.of("minute")));
        clock.set(Instant.parse("2026-12-01T08:30:50Z"));
        String second = sandbox.admin().createIssue("DEMO", "Task", "minute two", Map.of("labels", List.of("minute")));
        JsonNode page = admin.post("/rest/api/3/search/jql",
                "{\"jql\":\"labels = minute AND updated >= \\\"2026-12-01 08:30\\\" ORDER BY created ASC\",\"fields\":[\"summary\"]}").json();
        assertThat(page.get("issues")).extracting(i -> i.get("key").asText()).containsExactly(first, second);
        JsonNode before = admin.post("/rest/api/3/search/jql",
                "{\"jql\":\"labels = minute AND updated < \\\"2026-12-01 08:30\\\"\",\"fields\":[\"summary\"]}").json();
        assertThat(before.get("issues")).isEmpty();
        JsonNode count = admin.post("/rest/api/3/search/approximate-count", "{\"jql\":\"labels = minute\"}").json();
        assertThat(count.get("count").asInt()).isEqualTo(2);
    }
}
