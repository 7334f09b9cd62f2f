package dev.cameljira.jira.operations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApiException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraIssueLink;
import dev.cameljira.jira.model.JiraWatchers;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** addWatcher, removeWatcher, getWatchers, camel-jira's watchers, and linkIssues against the sandbox. */
abstract class WatcherLinkContract extends ActivityTestSupport {

    /** Ids of the issue's watchers, read over the sandbox's REST API. */
    private List<String> watcherIds(String key) {
        JsonNode w = restGet("/issue/" + key + "/watchers");
        return w.path("watchers").findValuesAsText(isCloud() ? "accountId" : "name");
    }

    // ---- watchers ----------------------------------------------------------------------------------------------

    @Test
    void addWatcherById() {
        String key = seedIssue("Watched by id");
        Object result = call("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, userId()));
        assertThat(result).isEqualTo(userId());
        assertThat(watcherIds(key)).contains(userId());
        HttpExchangeRecord post = requestsTo("POST", "/issue/" + key + "/watchers").get(0);
        assertThat(json(post).isTextual()).as("the body is a JSON string").isTrue();
        assertThat(json(post).asText()).isEqualTo(userId());
    }

    @Test
    void addWatcherByEmailResolvesTheUser() {
        String key = seedIssue("Watched by e-mail");
        Object result = call("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, SandboxUsers.USER_EMAIL));
        assertThat(result).isEqualTo(userId());
        assertThat(watcherIds(key)).contains(userId());
    }

    @Test
    void removeWatcherUsesTheDeploymentsQueryParameter() {
        String key = seedIssue("Unwatched");
        call("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, userId()));
        assertThat(watcherIds(key)).contains(userId());
        sandbox.admin().clearRequests();

        call("jira:removeWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, userId()));
        assertThat(watcherIds(key)).doesNotContain(userId());
        HttpExchangeRecord delete = requestsTo("DELETE", "/issue/" + key + "/watchers").get(0);
        assertThat(delete.query().get(isCloud() ? "accountId" : "username")).containsExactly(userId());
    }

    @Test
    void getWatchersReturnsTypedWatchers() {
        String key = seedIssue("Watch list");
        call("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, userId()));
        Exchange ex = send("jira:getWatchers", null, Map.of(JiraConstants.ISSUE_KEY, key));
        assertThat(ex.getException()).isNull();
        JiraWatchers w = ex.getMessage().getBody(JiraWatchers.class);
        assertThat(w.ids()).containsAll(watcherIds(key)).contains(userId());
        assertThat(w.watchCount()).isEqualTo(w.watchers().size());
        assertThat(w.watchers()).anySatisfy(u -> assertThat(u.displayName()).isEqualTo(SandboxUsers.USER_DISPLAY_NAME));
    }

    @Test
    void camelJiraWatchersAddsThenRemovesAndKeepsTheBody() {
        String key = seedIssue("camel-jira watchers");
        call("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, key, JiraConstants.WATCHER, adminId()));
        Exchange ex = send("jira:watchers", "unchanged body", Map.of(JiraConstants.LEGACY_ISSUE_KEY, key,
                JiraConstants.LEGACY_WATCHERS_ADD, " " + userId() + " ,",
                JiraConstants.LEGACY_WATCHERS_REMOVE, adminId()));
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("unchanged body");
        assertThat(watcherIds(key)).contains(userId()).doesNotContain(adminId());
    }

    @Test
    void camelJiraWatchersWithNothingToDoSendsNothing() {
        Exchange ex = send("jira:watchers", "body", Map.of(JiraConstants.LEGACY_ISSUE_KEY, "DEMO-1"));
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("body");
        assertThat(sandbox.admin().requests()).isEmpty();
    }

    @Test
    void createIssueWithCamelJiraWatchersAddsThem() {
        JiraIssue issue = (JiraIssue) call("jira:addIssue", "described", Map.of(JiraConstants.LEGACY_PROJECT_KEY, "DEMO",
                JiraConstants.LEGACY_ISSUE_TYPE_NAME, "Task", JiraConstants.LEGACY_SUMMARY, "Created with watchers",
                JiraConstants.LEGACY_WATCHERS_ADD, userId()));
        assertThat(watcherIds(issue.key())).contains(userId());
    }

    @Test
    void addWatcherWithoutWatcherFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:addWatcher", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("addWatcher needs the watcher").hasMessageContaining("CamelJiraWatcher");
    }

    @Test
    void camelJiraWatchersWithoutIssueKeyFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:watchers", null, Map.of(JiraConstants.LEGACY_WATCHERS_ADD, userId()));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("IssueKey");
    }

    @Test
    void watchersOfUnknownIssueIsNotFoundNamingTheKey() {
        Exchange ex = send("jira:getWatchers", null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-99999"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class).hasMessageContaining("DEMO-99999");
    }

    // ---- links -------------------------------------------------------------------------------------------------

    @Test
    void linkIssuesCreatesTheLinkOnBothIssuesAndReturnsIt() {
        String blocker = seedIssue("Blocker");
        String blocked = seedIssue("Blocked");
        Exchange ex = send("jira:linkIssues", null, Map.of(JiraConstants.LINK_TYPE, "Blocks",
                JiraConstants.INWARD_ISSUE, blocker, JiraConstants.OUTWARD_ISSUE, blocked));
        assertThat(ex.getException()).isNull();

        JiraIssueLink link = ex.getMessage().getBody(JiraIssueLink.class);
        assertThat(link.id()).isNotBlank();
        assertThat(link.type()).isEqualTo("Blocks");
        assertThat(link.inwardIssueKey()).isEqualTo(blocker);
        assertThat(link.outwardIssueKey()).isEqualTo(blocked);
        assertThat(link.outward()).isEqualTo("blocks");
        assertThat(ex.getMessage().getHeader(JiraConstants.LINK_ID)).isEqualTo(link.id());

        JsonNode onBlocker = sandbox.admin().issue(blocker).at("/fields/issuelinks");
        JsonNode onBlocked = sandbox.admin().issue(blocked).at("/fields/issuelinks");
        assertThat(onBlocker).hasSize(1);
        assertThat(onBlocked).hasSize(1);
        assertThat(onBlocker.get(0).at("/outwardIssue/key").asText()).as("%s blocks %s", blocker, blocked).isEqualTo(blocked);
        assertThat(onBlocked.get(0).at("/inwardIssue/key").asText()).as("%s is blocked by %s", blocked, blocker).isEqualTo(blocker);
        assertThat(onBlocked.get(0).path("id").asText()).isEqualTo(link.id());
    }

    @Test
    void camelJiraAddIssueLinkSendsParentAsInwardAndChildAsOutwardWithComment() {
        String parent = seedIssue("Parent");
        String child = seedIssue("Child");
        Exchange ex = send("jira:addIssueLink", "linked by camel", Map.of(JiraConstants.LEGACY_PARENT_ISSUE_KEY, parent,
                JiraConstants.LEGACY_CHILD_ISSUE_KEY, child, JiraConstants.LEGACY_LINK_TYPE, "Duplicate"));
        assertThat(ex.getException()).isNull();

        JsonNode sent = json(requestsTo("POST", "/issueLink").get(0));
        assertThat(sent.at("/inwardIssue/key").asText()).isEqualTo(parent);
        assertThat(sent.at("/outwardIssue/key").asText()).isEqualTo(child);
        assertThat(sent.at("/type/name").asText()).isEqualTo("Duplicate");

        JiraIssueLink link = ex.getMessage().getBody(JiraIssueLink.class);
        assertThat(link.inwardIssueKey()).isEqualTo(parent);
        assertThat(link.outwardIssueKey()).isEqualTo(child);
        assertThat(sandbox.admin().issue(parent).at("/fields/issuelinks/0/outwardIssue/key").asText()).isEqualTo(child);
        String comments = sandbox.admin().issue(parent).at("/fields/comment").toString()
                          + sandbox.admin().issue(child).at("/fields/comment").toString();
        assertThat(comments).as("the link comment is stored").contains("linked by camel");
    }

    @Test
    void linkWithUnknownTypeSurfacesJirasError() {
        String a = seedIssue("A");
        String b = seedIssue("B");
        Exchange ex = send("jira:linkIssues", null, Map.of(JiraConstants.LINK_TYPE, "Haunts",
                JiraConstants.INWARD_ISSUE, a, JiraConstants.OUTWARD_ISSUE, b));
        assertThat(ex.getException()).isInstanceOf(JiraApiException.class);
        assertThat(((JiraApiException) ex.getException()).getStatus()).isIn(400, 404);
        assertThat(sandbox.admin().issue(a).at("/fields/issuelinks")).isEmpty();
    }

    @Test
    void linkToUnknownIssueIsNotFound() {
        String a = seedIssue("Lonely");
        Exchange ex = send("jira:linkIssues", null, Map.of(JiraConstants.LINK_TYPE, "Relates",
                JiraConstants.INWARD_ISSUE, a, JiraConstants.OUTWARD_ISSUE, "DEMO-99999"));
        assertThat(ex.getException()).isInstanceOf(JiraNotFoundException.class);
    }

    @Test
    void linkWithoutOutwardIssueFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:linkIssues", null, Map.of(JiraConstants.LINK_TYPE, "Blocks", JiraConstants.INWARD_ISSUE, "DEMO-1"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class))
                .hasMessageContaining("outward issue").hasMessageContaining("ChildIssueKey");
    }

    @Test
    void linkWithoutTypeFailsBeforeAnyHttpCall() {
        Exchange ex = send("jira:linkIssues", null, Map.of(JiraConstants.INWARD_ISSUE, "DEMO-1", JiraConstants.OUTWARD_ISSUE, "DEMO-2"));
        assertThat(failsBeforeHttp(ex, JiraInvalidInputException.class)).hasMessageContaining("link type");
    }
}
