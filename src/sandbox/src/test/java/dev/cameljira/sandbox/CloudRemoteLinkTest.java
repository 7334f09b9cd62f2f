package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Remote issue links on Jira Cloud: REST v3 and v2. */
class CloudRemoteLinkTest extends RemoteLinkContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void restV2ServesTheSameLinks() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "v2 and v3");
        Client.Resp created = admin.post("/rest/api/2/issue/" + key + "/remotelink",
                "{\"object\":{\"url\":\"https://example.com/v2\",\"title\":\"via v2\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("self").asText()).contains("/rest/api/2/issue/" + key + "/remotelink/");
        assertThat(admin.get("/rest/api/3/issue/" + key + "/remotelink").json())
                .singleElement().satisfies(l -> assertThat(l.at("/object/title").asText()).isEqualTo("via v2"));
    }
}
