package dev.cameljira.jira.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Operation paths are metric tags: keys, ids and property keys become placeholders; versions and names stay. */
class OperationPathsTest {

    @Test
    void issueResourcesGetPlaceholders() {
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7")).isEqualTo("/rest/api/3/issue/{key}");
        assertThat(OperationPaths.of("/rest/api/3/issue/10042")).isEqualTo("/rest/api/3/issue/{key}");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/comment")).isEqualTo("/rest/api/3/issue/{key}/comment");
        assertThat(OperationPaths.of("/rest/api/2/issue/DEMO-7/comment/10012")).isEqualTo("/rest/api/2/issue/{key}/comment/{id}");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/worklog/3")).isEqualTo("/rest/api/3/issue/{key}/worklog/{id}");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/remotelink")).isEqualTo("/rest/api/3/issue/{key}/remotelink");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/properties/sync.state"))
                .isEqualTo("/rest/api/3/issue/{key}/properties/{propertyKey}");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/properties/comment"))
                .as("a property key that is also a resource name").isEqualTo("/rest/api/3/issue/{key}/properties/{propertyKey}");
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/transitions")).isEqualTo("/rest/api/3/issue/{key}/transitions");
    }

    @Test
    void subResourcesAndVersionsStay() {
        assertThat(OperationPaths.of("/rest/api/3/issue/bulk")).isEqualTo("/rest/api/3/issue/bulk");
        assertThat(OperationPaths.of("/rest/api/3/issue/createmeta/DEMO/issuetypes/10001"))
                .isEqualTo("/rest/api/3/issue/createmeta/{project}/issuetypes/{id}");
        assertThat(OperationPaths.of("/rest/api/3/search/jql")).isEqualTo("/rest/api/3/search/jql");
        assertThat(OperationPaths.of("/rest/api/2/serverInfo")).isEqualTo("/rest/api/2/serverInfo");
        assertThat(OperationPaths.of("/rest/api/3/project/search")).isEqualTo("/rest/api/3/project/search");
        assertThat(OperationPaths.of("/rest/api/3/project/OPS")).isEqualTo("/rest/api/3/project/{key}");
        assertThat(OperationPaths.of("/rest/api/3/attachment/content/10000")).isEqualTo("/rest/api/3/attachment/content/{id}");
        assertThat(OperationPaths.of("/rest/webhooks/1.0/webhook/12")).isEqualTo("/rest/webhooks/1.0/webhook/{id}");
        assertThat(OperationPaths.of("/rest/webhooks/1.0/webhook")).isEqualTo("/rest/webhooks/1.0/webhook");
    }

    @Test
    void theQueryStringIsDropped() {
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7?fields=summary&expand=changelog"))
                .isEqualTo("/rest/api/3/issue/{key}");
        assertThat(OperationPaths.of("/rest/api/3/user/search?query=alice@example.com")).isEqualTo("/rest/api/3/user/search");
    }

    @Test
    void encodedKeysAndStrayIdsAreReplacedToo() {
        assertThat(OperationPaths.of("/rest/api/3/issue/DEMO-7/properties/a%20b")).endsWith("/properties/{propertyKey}");
        assertThat(OperationPaths.of("/rest/api/3/something/98765/else")).isEqualTo("/rest/api/3/something/{id}/else");
        assertThat(OperationPaths.of("/rest/api/3/something/ABC-12")).isEqualTo("/rest/api/3/something/{key}");
    }
}
