package dev.cameljira.jira.compat;

import java.net.URL;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache's Jira sink Kamelets (org.apache.camel.kamelets:camel-kamelets, loaded unchanged from that jar) run on this
 * component: they copy {@code ce-*} headers into lower-camel headers ({@code issueSummary}, {@code issueKey}, ...) that
 * this component reads under camel-jira's names (Camel headers are case-insensitive), and call {@code jira:AddIssue},
 * {@code jira:AddComment}, {@code jira:transitionIssue} and {@code jira:UpdateIssue} with {@code jiraUrl},
 * {@code username}, {@code password} and {@code accessToken} (the Kamelets' {@code personal-token}).
 */
abstract class ApacheJiraKameletsContract extends CamelJiraCompatSupport {

    /** The sandbox workflow's "Start Progress" transition (To Do -> In Progress). */
    private static final String START_PROGRESS = "11";

    /** {@code kamelet:name?jiraUrl=...&username=...&password=...} as a Kamelet binding would pass them. */
    private String kamelet(String name) {
        return "kamelet:" + name + "?jiraUrl=" + sandbox.baseUrl() + "&username=" + login() + "&password=" + secret();
    }

    private Exchange sink(String uri, Object body, Map<String, Object> headers) {
        return succeeded(send(uri, body, headers), uri);
    }

    @Test
    void theKameletsComeFromApachesCatalogJar() {
        for (String name : new String[] { "jira-add-issue-sink", "jira-add-comment-sink", "jira-transition-issue-sink",
                "jira-update-issue-sink" }) {
            URL url = getClass().getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml");
            assertThat(url).as(name).isNotNull();
            assertThat(url.toString()).as(name).contains("camel-kamelets-");
        }
    }

    @Test
    void addIssueSinkCreatesTheIssue() {
        Map<String, Object> h = headers("ce-projectKey", "DEMO", "ce-issueTypeName", "Bug", "ce-issueSummary", "From a Kamelet",
                "ce-issuePriorityName", "High", "ce-issueComponents", "Backend", "ce-issueAssignee", userRef());
        sink(kamelet("jira-add-issue-sink"), "Kamelet description", h);

        String key = onlyIssueWithSummary("From a Kamelet");
        JsonNode f = sandbox.admin().issue(key).path("fields");
        assertThat(f.at("/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(f.at("/priority/name").asText()).isEqualTo("High");
        assertThat(f.path("components").findValuesAsText("name")).containsExactly("Backend");
        assertThat(f.at(isCloud() ? "/assignee/accountId" : "/assignee/name").asText()).isEqualTo(userRef());
        assertThat(text(f.path("description"))).isEqualTo("Kamelet description");
    }

    @Test
    void addCommentSinkComments() {
        String key = seedIssue("Kamelet comment target");
        sink(kamelet("jira-add-comment-sink"), "Commented by a Kamelet", headers("ce-issueKey", key));
        assertThat(commentTexts(key)).containsExactly("Commented by a Kamelet");
    }

    @Test
    void transitionIssueSinkMovesTheIssueAndComments() {
        String key = seedIssue("Kamelet transition target");
        sink(kamelet("jira-transition-issue-sink"), "Started by a Kamelet",
                headers("ce-issueKey", key, "ce-issueTransitionId", START_PROGRESS));
        assertThat(sandbox.admin().issue(key).at("/fields/status/name").asText()).isEqualTo("In Progress");
        assertThat(commentTexts(key)).containsExactly("Started by a Kamelet");
    }

    @Test
    void updateIssueSinkUpdatesTheFields() {
        String key = seedIssue("Kamelet update target");
        sink(kamelet("jira-update-issue-sink"), null, headers("ce-issueKey", key, "ce-issueSummary", "Updated by a Kamelet",
                "ce-issuePriorityName", "Low", "ce-issueDescription", "Described by a Kamelet"));
        JsonNode f = sandbox.admin().issue(key).path("fields");
        assertThat(f.path("summary").asText()).isEqualTo("Updated by a Kamelet");
        assertThat(f.at("/priority/name").asText()).isEqualTo("Low");
        assertThat(text(f.path("description"))).isEqualTo("Described by a Kamelet");
    }

    @Test
    void updateIssueSinkTakesTheBodyAsDescriptionLikeCamelJira() {
        String key = seedIssue("Kamelet body update target");
        sink(kamelet("jira-update-issue-sink"), "Body description", headers("ce-issueKey", key));
        assertThat(text(sandbox.admin().issue(key).at("/fields/description"))).isEqualTo("Body description");
    }

    /** The key of the one issue with this summary, found over REST. */
    private String onlyIssueWithSummary(String summary) {
        String jql = "summary ~ \"" + summary + "\"";
        JsonNode found = isCloud()
                ? restGet("/search/jql?fields=summary&jql=" + java.net.URLEncoder.encode(jql, java.nio.charset.StandardCharsets.UTF_8))
                : restGet("/search?jql=" + java.net.URLEncoder.encode(jql, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.path("issues")).as("issues with summary %s", summary).hasSize(1);
        return found.path("issues").get(0).path("key").asText();
    }
}
