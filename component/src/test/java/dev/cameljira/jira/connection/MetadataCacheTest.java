package dev.cameljira.jira.connection;

import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field metadata is cached per endpoint for metadataCacheTtl: a custom field given by display name ("Story Points")
 * costs one {@code GET /field} per endpoint and TTL, not one per message.
 */
class MetadataCacheTest extends SandboxPairSupport {

    private static final int MESSAGES = 3;

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void fieldsAreFetchedOnceWithinTheTtl(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String endpoint = uri("createIssue", jira, adminBasic(jira));

        for (int i = 1; i <= MESSAGES; i++) {
            JiraIssue issue = (JiraIssue) camel.call(endpoint, storyWithPoints(i), null);
            assertThat(jira.admin().issue(issue.key()).at("/fields/customfield_10016").asDouble()).isEqualTo(i);
        }

        assertThat(requests(jira, "GET", fieldPath(mode))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void anExpiredTtlFetchesThemAgain(JiraSandbox.Mode mode) throws InterruptedException {
        JiraSandbox jira = sandbox(mode);
        String endpoint = uri("createIssue", jira, adminBasic(jira) + "&metadataCacheTtl=1");

        for (int i = 1; i <= MESSAGES; i++) {
            // the 1 ms TTL has surely passed between two messages; the pause only makes that independent of speed
            Thread.sleep(5);
            JiraIssue issue = (JiraIssue) camel.call(endpoint, storyWithPoints(i), null);
            assertThat(jira.admin().issue(issue.key()).at("/fields/customfield_10016").asDouble()).isEqualTo(i);
        }

        assertThat(requests(jira, "GET", fieldPath(mode))).as("one fetch per message at least").hasSizeGreaterThanOrEqualTo(MESSAGES);
    }

    @ParameterizedTest
    @EnumSource(JiraSandbox.Mode.class)
    void eachEndpointHasItsOwnCache(JiraSandbox.Mode mode) {
        JiraSandbox jira = sandbox(mode);
        String first = uri("createIssue", jira, adminBasic(jira));
        String second = uri("createIssue", jira, adminBasic(jira) + "&userAgent=second-endpoint");

        for (int i = 1; i <= MESSAGES; i++) {
            camel.call(first, storyWithPoints(i), null);
            camel.call(second, storyWithPoints(i), null);
        }

        assertThat(requests(jira, "GET", fieldPath(mode))).extracting(r -> r.requestHeader("User-Agent"))
                .containsExactlyInAnyOrder("camel-jira-connector", "second-endpoint");
    }

    private static String fieldPath(JiraSandbox.Mode mode) {
        return "/rest/api/" + (mode == JiraSandbox.Mode.CLOUD ? 3 : 2) + "/field";
    }

    private static String storyWithPoints(int points) {
        return "{\"projectKey\":\"DEMO\",\"issueType\":\"Story\",\"summary\":\"Pointed " + points + "\","
               + "\"fields\":{\"Story Points\":" + points + "}}";
    }
}
