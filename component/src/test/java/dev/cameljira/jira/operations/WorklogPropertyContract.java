package dev.cameljira.jira.operations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraWorklog;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** addWorklog and the issue entity property operations against the sandbox. */
abstract class WorklogPropertyContract extends ActivityTestSupport {

    // ---- worklogs ----------------------------------------------------------------------------------------------

    @Test
    void addWorklogWithJiraDurationStartAndComment() {
        String key = seedIssue("Worked on");
        Exchange ex = send("jira:addWorklog", "Fixed the printer", Map.of(JiraConstants.ISSUE_KEY, key,
                JiraConstants.TIME_SPENT, "1h 30m", JiraConstants.WORKLOG_STARTED, "2026-11-28T10:15:00+01:00"));
        assertThat(ex.getException()).isNull();

        JiraWorklog w = ex.getMessage().getBody(JiraWorklog.class);
        assertThat(w.timeSpentSeconds()).isEqualTo(5400);
        assertThat(w.started().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-28T09:15:00Z").toInstant());
        assertThat(w.comment()).isEqualTo("Fixed the printer");
        assertThat(ex.getMessage().getHeader(JiraConstants.WORKLOG_ID)).isEqualTo(w.id());

        JsonNode sent = json(requestsTo("POST", "/issue/" + key + "/worklog").get(0));
        assertThat(sent.path("started").asText()).as("Jira's own timestamp format").isEqualTo("2026-11-28T10:15:00.000+0100");

        JsonNode stored = sandbox.admin().issue(key).at("/fields/worklog/worklogs");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("timeSpentSeconds").asLong()).isEqualTo(5400);
        assertThat(JiraIssue.date(stored.get(0).path("started")).toInstant()).isEqualTo(w.started().toInstant());
        if (isCloud()) {
            assertThat(stored.get(0).at("/comment/type").asText()).as("v3 stores ADF").isEqualTo("doc");
        } else {
            assertThat(stored.get(0).path("comment").asText()).isEqualTo("Fixed the printer");
        }
    }

    @Test
    void camelJiraAddWorkLogTakesMinutesSpent() {
        String key = seedIssue("camel-jira worklog");
        JiraWorklog w = (JiraWorklog) call("jira:addWorkLog", "legacy comment",
                Map.of(JiraConstants.LEGACY_ISSUE_KEY, key, JiraConstants.LEGACY_MINUTES_SPENT, 45));
        assertThat(w.timeSpentSeconds()).isEqualTo(2700);
        assertThat(sandbox.admin().issue(key).at("/fields/worklog/worklogs/0/timeSpentSeconds").asLong()).isEqualTo(2700);
        assertThat(w.started()).as("defaults to now").isNotNull();
    }

    @Test
    void addWorklogFromJsonBodyWithSeconds() {
        String key = seedIssue("JSON worklog");
        JiraWorklog w = (JiraWorklog) call("jira:addWorklog", "{\"timeSpentSeconds\": 600, \"comment\": \"from json\"}",
                Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(w.timeSpentSeconds()).isEqualTo(600);
        assertThat(w.comment()).isEqualTo("from json");
        assertThat(sandbox.admin().issue(key).at("/fields/worklog/worklogs/0/timeSpentSeconds").asLong()).isEqualTo(600);
    }

    @Test
    void addWorklogWithoutTimeFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addWorklog", "no time", Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("time spent").hasMessageContaining("CamelJiraTimeSpent").hasMessageContaining("minutesSpent");
    }

    @Test
    void addWorklogWithBadDurationOrStartFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addWorklog", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1", JiraConstants.TIME_SPENT, "a while"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("a while");
        ex = send("jira:addWorklog", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1", JiraConstants.TIME_SPENT, "1h",
                JiraConstants.WORKLOG_STARTED, "yesterday"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("yesterday");
        ex = send("jira:addWorklog", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1", JiraConstants.LEGACY_MINUTES_SPENT, 0));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("greater than 0");
    }

    @Test
    void addWorklogToUnknownIssueIsNotFoundNamingTheKey() {
        Exchange ex = send("jira:addWorklog", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-99999", JiraConstants.TIME_SPENT, "1h"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
    }

    // ---- entity properties -------------------------------------------------------------------------------------

    @Test
    void setIssuePropertyFromMapRoundTrips() {
        String key = seedIssue("Property holder");
        Map<String, Object> value = Map.of("zendeskTicket", 4711, "state", "synced", "tags", List.of("a", "b"));
        Object stored = call("jira:setIssueProperty", value,
                Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "sync.state"));
        assertThat(stored).isInstanceOf(JsonNode.class);

        JsonNode viaRest = restGet("/issue/" + key + "/properties/sync.state");
        assertThat(viaRest.path("key").asText()).isEqualTo("sync.state");
        assertThat(viaRest.path("value")).isEqualTo(stored);
        assertThat(viaRest.at("/value/zendeskTicket").asInt()).isEqualTo(4711);

        Object read = call("jira:getIssueProperty", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "sync.state"));
        assertThat(read).isEqualTo(stored);
    }

    @Test
    void setIssuePropertyFromJsonTextAndPlainString() {
        String key = seedIssue("Property kinds");
        Map<String, Object> h = Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "json.text");
        call("jira:setIssueProperty", "{\"key\":\"not-an-issue\",\"n\":[1,2]}", h);
        JsonNode json = restGet("/issue/" + key + "/properties/json.text").path("value");
        assertThat(json.path("key").asText()).as("the body's keys are the value, not input").isEqualTo("not-an-issue");
        assertThat(json.path("n")).hasSize(2);

        call("jira:setIssueProperty", "just words", Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "plain"));
        assertThat(restGet("/issue/" + key + "/properties/plain").path("value"))
                .isEqualTo(JsonNodeFactory.instance.textNode("just words"));
    }

    @Test
    void deleteIssuePropertyRemovesIt() {
        String key = seedIssue("Property removed");
        call("jira:setIssueProperty", Map.of("x", 1), Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "temp"));
        Object result = call("jira:deleteIssueProperty", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "temp"));
        assertThat(result).isEqualTo("temp");
        assertThat(restStatus("/issue/" + key + "/properties/temp")).isEqualTo(404);
    }

    @Test
    void getMissingPropertyIsNotFoundNamingPropertyAndIssue() {
        String key = seedIssue("No property");
        Exchange ex = send("jira:getIssueProperty", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.PROPERTY_KEY, "absent.prop"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class)
                .hasMessageContaining("absent.prop").hasMessageContaining(key);
    }

    @Test
    void setIssuePropertyWithoutPropertyKeyFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:setIssueProperty", Map.of("propertyKey", "in.body"), Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("property key").hasMessageContaining("CamelJiraPropertyKey");
    }

    @Test
    void setIssuePropertyWithoutValueFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:setIssueProperty", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1", JiraConstants.PROPERTY_KEY, "p"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("property value");
    }

    @Test
    void getIssuePropertyWithoutIssueKeyFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:getIssueProperty", null, Map.of(JiraConstants.PROPERTY_KEY, "p"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("issue key");
    }
}
