package dev.cameljira.jira.operations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.model.AddRemoteLinkRequest;
import dev.cameljira.jira.model.JiraRemoteLink;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** addRemoteLink and getRemoteLinks against the sandbox: what Jira stores, upsert by globalId, inputs and errors. */
abstract class RemoteLinkContract extends ActivityTestSupport {

    private static final String TICKET_URL = "https://acme.zendesk.com/agent/tickets/4711";
    private static final String GLOBAL_ID = "system=https://acme.zendesk.com&id=4711";

    /** The links Jira stores for the issue, read over REST bypassing the component. */
    private JsonNode stored(String key) {
        return restGet("/issue/" + key + "/remotelink");
    }

    @Test
    void addRemoteLinkFromHeadersStoresTheLinkAndReturnsIt() {
        String key = seedIssue("Linked to a Zendesk ticket");
        Exchange ex = send("jira:addRemoteLink", null, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.REMOTE_LINK_URL, TICKET_URL, JiraConstants.REMOTE_LINK_TITLE, "ZD #4711",
                JiraConstants.REMOTE_LINK_GLOBAL_ID, GLOBAL_ID, JiraConstants.REMOTE_LINK_SUMMARY, "Printer on fire",
                JiraConstants.REMOTE_LINK_RELATIONSHIP, "synced with"));
        assertThat(ex.getException()).isNull();

        JiraRemoteLink link = ex.getMessage().getBody(JiraRemoteLink.class);
        assertThat(link.id()).isNotBlank();
        assertThat(link.url()).isEqualTo(TICKET_URL);
        assertThat(link.title()).isEqualTo("ZD #4711");
        assertThat(link.globalId()).isEqualTo(GLOBAL_ID);
        assertThat(link.summary()).isEqualTo("Printer on fire");
        assertThat(link.relationship()).isEqualTo("synced with");
        assertThat(link.raw().path("self").asText()).endsWith("/remotelink/" + link.id());
        assertThat(ex.getMessage().getHeader(JiraConstants.REMOTE_LINK_ID)).isEqualTo(link.id());
        assertThat(ex.getMessage().getHeader(JiraConstants.ISSUE_KEY)).isEqualTo(key);

        JsonNode stored = stored(key);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(link.id());
        assertThat(stored.get(0).path("globalId").asText()).isEqualTo(GLOBAL_ID);
        assertThat(stored.get(0).at("/object/url").asText()).isEqualTo(TICKET_URL);
        assertThat(stored.get(0).at("/object/summary").asText()).isEqualTo("Printer on fire");
        assertThat(stored.get(0).path("relationship").asText()).isEqualTo("synced with");
    }

    @Test
    void addingTheSameGlobalIdAgainUpdatesTheLinkInsteadOfAddingOne() {
        String key = seedIssue("Upserted link");
        AddRemoteLinkRequest open = AddRemoteLinkRequest.of(key, TICKET_URL, "ZD #4711 (open)").withGlobalId(GLOBAL_ID)
                .withApplication("Zendesk", "com.zendesk");
        JiraRemoteLink first = (JiraRemoteLink) call("jira:addRemoteLink", open, null);
        JiraRemoteLink second = (JiraRemoteLink) call("jira:addRemoteLink",
                AddRemoteLinkRequest.of(key, TICKET_URL, "ZD #4711 (solved)").withGlobalId(GLOBAL_ID), null);

        assertThat(second.id()).as("the same link").isEqualTo(first.id());
        JsonNode stored = stored(key);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).at("/object/title").asText()).isEqualTo("ZD #4711 (solved)");
        assertThat(stored.get(0).path("application").has("name")).as("Jira replaces every field").isFalse();

        call("jira:addRemoteLink", AddRemoteLinkRequest.of(key, "https://example.com/other", "Other"), null);
        assertThat(stored(key)).as("without a globalId a link is added").hasSize(2);
    }

    @Test
    void addRemoteLinkFromAFlatJsonBodyWithApplicationAndIcon() {
        String key = seedIssue("JSON link");
        String json = "{\"url\":\"https://acme.service-now.com/incident.do?sys_id=abc\",\"title\":\"INC0010001\","
                      + "\"globalId\":\"snow:abc\",\"applicationName\":\"ServiceNow\",\"applicationType\":\"com.servicenow\","
                      + "\"iconUrl\":\"https://acme.service-now.com/favicon.ico\"}";
        JiraRemoteLink link = (JiraRemoteLink) call("jira:addRemoteLink", json, headers(JiraConstants.ISSUE_KEY, key,
                JiraConstants.REMOTE_LINK_TITLE, "not this title"));

        assertThat(link.title()).as("the body wins over the header").isEqualTo("INC0010001");
        assertThat(link.applicationName()).isEqualTo("ServiceNow");
        JsonNode stored = stored(key).get(0);
        assertThat(stored.at("/object/title").asText()).isEqualTo("INC0010001");
        assertThat(stored.at("/application/name").asText()).isEqualTo("ServiceNow");
        assertThat(stored.at("/application/type").asText()).isEqualTo("com.servicenow");
        assertThat(stored.at("/object/icon/url16x16").asText()).isEqualTo("https://acme.service-now.com/favicon.ico");
        JsonNode sent = json(requestsTo("POST", "/issue/" + key + "/remotelink").get(0));
        assertThat(sent.has("url")).as("sent in Jira's shape").isFalse();
        assertThat(sent.at("/object/url").asText()).isEqualTo("https://acme.service-now.com/incident.do?sys_id=abc");
    }

    @Test
    void addRemoteLinkTakesJirasOwnShapeToo() {
        String key = seedIssue("Jira-shaped link");
        String json = "{\"issueKey\":\"" + key + "\",\"globalId\":\"g-1\",\"relationship\":\"mentioned in\","
                      + "\"application\":{\"name\":\"Wiki\",\"type\":\"com.example.wiki\"},"
                      + "\"object\":{\"url\":\"https://wiki.example.com/p/1\",\"title\":\"Runbook\",\"summary\":\"How to\"}}";
        JiraRemoteLink link = (JiraRemoteLink) call("jira:addRemoteLink", json, null);
        assertThat(link.url()).isEqualTo("https://wiki.example.com/p/1");
        assertThat(link.summary()).isEqualTo("How to");
        assertThat(link.applicationName()).isEqualTo("Wiki");
        assertThat(stored(key).get(0).at("/application/type").asText()).isEqualTo("com.example.wiki");
    }

    @Test
    void getRemoteLinksReturnsAllOrTheOneWithTheGlobalId() {
        String key = seedIssue("Two links");
        call("jira:addRemoteLink", AddRemoteLinkRequest.of(key, TICKET_URL, "ZD #4711").withGlobalId(GLOBAL_ID), null);
        call("jira:addRemoteLink", AddRemoteLinkRequest.of(key, "https://example.com/doc", "Doc").withGlobalId("doc-1"), null);

        Exchange all = send("jira:getRemoteLinks", null, headers(JiraConstants.ISSUE_KEY, key));
        @SuppressWarnings("unchecked")
        List<JiraRemoteLink> links = all.getMessage().getBody(List.class);
        assertThat(links).extracting(JiraRemoteLink::globalId).containsExactly(GLOBAL_ID, "doc-1");
        assertThat(all.getMessage().getHeader(JiraConstants.RESULT_COUNT)).isEqualTo(2);

        @SuppressWarnings("unchecked")
        List<JiraRemoteLink> one = (List<JiraRemoteLink>) call("jira:getRemoteLinks", null, headers(JiraConstants.ISSUE_KEY,
                key, JiraConstants.REMOTE_LINK_GLOBAL_ID, GLOBAL_ID));
        assertThat(one).singleElement().satisfies(l -> {
            assertThat(l.url()).isEqualTo(TICKET_URL);
            assertThat(l.title()).isEqualTo("ZD #4711");
        });
        assertThat(requestsTo("GET", "/issue/" + key + "/remotelink")).last()
                .satisfies(r -> assertThat(r.query()).containsEntry("globalId", List.of(GLOBAL_ID)));

        @SuppressWarnings("unchecked")
        List<JiraRemoteLink> none = (List<JiraRemoteLink>) call("jira:getRemoteLinks", null, headers(JiraConstants.ISSUE_KEY,
                key, JiraConstants.REMOTE_LINK_GLOBAL_ID, "no-such-link"));
        assertThat(none).as("no link with that global id: an empty list, not an error").isEmpty();
    }

    @Test
    void getRemoteLinksOfAnUnknownIssueIsNotFoundNamingIt() {
        for (Map<String, Object> h : List.of(headers(JiraConstants.ISSUE_KEY, "DEMO-99999"),
                headers(JiraConstants.ISSUE_KEY, "DEMO-99999", JiraConstants.REMOTE_LINK_GLOBAL_ID, GLOBAL_ID))) {
            Exchange ex = send("jira:getRemoteLinks", null, h);
            assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
        }
        Exchange add = send("jira:addRemoteLink", null, headers(JiraConstants.ISSUE_KEY, "DEMO-99999",
                JiraConstants.REMOTE_LINK_URL, TICKET_URL, JiraConstants.REMOTE_LINK_TITLE, "t"));
        assertThat(add.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
    }

    @Test
    void missingUrlTitleOrIssueAndAnOverlongGlobalIdFailBeforeAnyHttpCall() {
        Exchange noUrl = send("jira:addRemoteLink", null, headers(JiraConstants.ISSUE_KEY, "DEMO-1",
                JiraConstants.REMOTE_LINK_TITLE, "t"));
        assertThat(failsBeforeHttp(noUrl, JiraInvalidInputException.class))
                .hasMessageContaining("addRemoteLink needs the URL").hasMessageContaining(JiraConstants.REMOTE_LINK_URL);
        Exchange noTitle = send("jira:addRemoteLink", null, headers(JiraConstants.ISSUE_KEY, "DEMO-1",
                JiraConstants.REMOTE_LINK_URL, TICKET_URL));
        assertThat(failsBeforeHttp(noTitle, JiraInvalidInputException.class))
                .hasMessageContaining("title").hasMessageContaining(JiraConstants.REMOTE_LINK_TITLE);
        Exchange noIssue = send("jira:addRemoteLink", AddRemoteLinkRequest.of(null, TICKET_URL, "t"), null);
        assertThat(failsBeforeHttp(noIssue, JiraInvalidInputException.class)).hasMessageContaining("issue key");
        Exchange longId = send("jira:addRemoteLink", AddRemoteLinkRequest.of("DEMO-1", TICKET_URL, "t")
                .withGlobalId("g".repeat(256)), null);
        assertThat(failsBeforeHttp(longId, JiraInvalidInputException.class)).hasMessageContaining("255");
        Exchange getWithoutIssue = send("jira:getRemoteLinks", null, null);
        assertThat(failsBeforeHttp(getWithoutIssue, JiraInvalidInputException.class)).hasMessageContaining("issue key");
    }

    @Test
    void anUpsertWhoseAnswerWasLostIsResentButACreateIsNot() {
        String key = seedIssue("Lost answers");
        String path = api() + "/issue/" + key + "/remotelink";
        sandbox.admin().faults().dropResponseNext("POST", path, 1);
        JiraRemoteLink link = (JiraRemoteLink) call("jira:addRemoteLink",
                AddRemoteLinkRequest.of(key, TICKET_URL, "ZD #4711").withGlobalId(GLOBAL_ID), null);
        assertThat(link.id()).isNotBlank();
        assertThat(requestsTo("POST", "/issue/" + key + "/remotelink")).as("sent twice").hasSize(2);
        assertThat(stored(key)).as("still one link: the globalId made the resend an update").hasSize(1);

        sandbox.admin().faults().dropResponseNext("POST", path, 1);
        Exchange create = send("jira:addRemoteLink", AddRemoteLinkRequest.of(key, "https://example.com/x", "X"), null);
        assertThat(create.getException()).isInstanceOf(JiraOutcomeUnknownException.class);
        assertThat(stored(key)).as("Jira applied it once, and it was not resent").hasSize(2);
    }
}
