package dev.cameljira.jira;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.client.JiraApiVersion;
import dev.cameljira.jira.client.JiraDeployment;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.AddWorklogRequest;
import dev.cameljira.jira.model.JiraVisibility;
import dev.cameljira.jira.model.SearchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component's type converters, found by Camel through the generated loaders: message bodies (JSON text as
 * String, byte[] or InputStream, a Map, plain text) become the request records, bad input is refused naming what was
 * wrong, and the enum options take the words Jira users write.
 */
class RequestConvertersTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private <T> T convert(Class<T> type, Object body) {
        try {
            return context.getTypeConverter().mandatoryConvertTo(type, body);
        } catch (NoTypeConversionAvailableException e) {
            throw new AssertionError("Camel found no converter from " + body.getClass().getName() + " to " + type.getName(), e);
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonAsStringBytesStreamOrMapBecomesTheSameSearchRequest() throws Exception {
        String json = "  {\"jql\": \"project = DEMO\", \"fields\": \"summary, status\", \"expand\": [\"changelog\"],"
                      + " \"maxResults\": 25, \"limit\": 100}";
        SearchRequest expected = new SearchRequest("project = DEMO", List.of("summary", "status"), List.of("changelog"), 25, 100L);

        assertThat(convert(SearchRequest.class, json)).isEqualTo(expected);
        assertThat(convert(SearchRequest.class, json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(convert(SearchRequest.class, stream("\uFEFF" + json))).as("a byte-order mark is no problem").isEqualTo(expected);
        assertThat(convert(SearchRequest.class, Map.of("jql", "project = DEMO", "fields", List.of("summary", "status"),
                "expand", "changelog", "maxResults", 25, "limit", 100))).isEqualTo(expected);
    }

    @Test
    void plainTextIsTheMainTextOfEachRecord() {
        assertThat(convert(SearchRequest.class, "project = DEMO ORDER BY created").jql()).isEqualTo("project = DEMO ORDER BY created");
        assertThat(convert(AddCommentRequest.class, "Printer fixed".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AddCommentRequest.of(null, "Printer fixed"));
        assertThat(convert(AddWorklogRequest.class, "Replaced the toner").comment().asText()).isEqualTo("Replaced the toner");
    }

    @Test
    void commentAndWorklogRequestsFromJson() {
        AddCommentRequest comment = convert(AddCommentRequest.class,
                stream("{\"issueKey\": \"DEMO-1\", \"body\": \"Hello\", \"visibility\": {\"type\": \"role\", \"value\": \"Administrators\"}}"));
        assertThat(comment.issueKey()).isEqualTo("DEMO-1");
        assertThat(comment.body()).isEqualTo("Hello");
        assertThat(comment.visibility()).isEqualTo(JiraVisibility.role("Administrators"));

        AddWorklogRequest worklog = convert(AddWorklogRequest.class, Map.of("issueKey", "DEMO-2", "timeSpentSeconds", 600,
                "started", "2026-11-28T10:15:00+01:00", "comment", Map.of("type", "doc", "version", 1, "content", List.of())));
        assertThat(worklog.timeSpentSeconds()).isEqualTo(600L);
        assertThat(worklog.started()).isEqualTo("2026-11-28T10:15:00+01:00");
        assertThat(worklog.comment().path("type").asText()).as("an ADF comment stays a document").isEqualTo("doc");
    }

    @Test
    void malformedJsonIsRefusedNamingTheRecordAndWhere() {
        assertThatThrownBy(() -> convert(SearchRequest.class, "{\"jql\": \"project = DEMO\",\n \"maxResults\": }"))
                .isInstanceOf(TypeConversionException.class)
                .rootCause().isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("not a valid JSON SearchRequest").hasMessageContaining("line 2");
    }

    @Test
    void anUnknownKeyIsRefusedNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> convert(SearchRequest.class, "{\"jq\": \"project = DEMO\"}"))
                .rootCause().isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("SearchRequest has no key 'jq'").hasMessageContaining("jql");
        assertThatThrownBy(() -> convert(AddWorklogRequest.class, Map.of("timeSpent", "1h", "minutes", 5)))
                .rootCause().hasMessageContaining("AddWorklogRequest has no key 'minutes'");
    }

    @Test
    void aWrongOrInvalidValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> convert(SearchRequest.class, "{\"jql\": \"x = 1\", \"maxResults\": \"ten\"}".getBytes(StandardCharsets.UTF_8)))
                .rootCause().isInstanceOf(JiraInvalidInputException.class).hasMessageContaining("'maxResults'")
                .hasMessageContaining("ten");
        assertThatThrownBy(() -> convert(SearchRequest.class, Map.of("jql", "x = 1", "maxResults", 0)))
                .rootCause().hasMessageContaining("maxResults must be at least 1, was 0");
        assertThatThrownBy(() -> convert(AddCommentRequest.class, "   "))
                .rootCause().hasMessageContaining("AddCommentRequest cannot be read from a blank body");
    }

    @Test
    void theLoadersAreRegisteredForCamelToFind() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org/apache/camel/TypeConverterLoader")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(JiraRequestConverters.class.getName() + "Loader", JiraOptionConverters.class.getName() + "Loader");
        }
    }

    @Test
    void enumOptionsTakeTheWordsJiraUsersWrite() {
        JiraEndpoint cloud = context.getEndpoint("jira:getIssue?jiraUrl=http://127.0.0.1:9&deployment=Cloud&apiVersion=2",
                JiraEndpoint.class);
        assertThat(cloud.getConfiguration().getDeployment()).isEqualTo(JiraDeployment.CLOUD);
        assertThat(cloud.getConfiguration().getApiVersion()).isEqualTo(JiraApiVersion.V2);
        JiraEndpoint dc = context.getEndpoint("jira:getIssue?jiraUrl=http://127.0.0.1:9&deployment=datacenter&apiVersion=v2",
                JiraEndpoint.class);
        assertThat(dc.getConfiguration().getDeployment()).isEqualTo(JiraDeployment.SERVER);

        assertThatThrownBy(() -> context.getEndpoint("jira:getIssue?jiraUrl=http://127.0.0.1:9&apiVersion=4"))
                .rootCause().hasMessageContaining("apiVersion '4' is not one of auto, 2, 3");
        assertThatThrownBy(() -> context.getEndpoint("jira:getIssue?jiraUrl=http://127.0.0.1:9&deployment=mars"))
                .rootCause().hasMessageContaining("deployment 'mars' is not one of auto, cloud, server");
        assertThatThrownBy(() -> context.getEndpoint("jira:getIssue?jiraUrl=http://127.0.0.1:9&deployment=server&apiVersion=3"))
                .rootCause().hasMessageContaining("REST v2 only");
    }
}
