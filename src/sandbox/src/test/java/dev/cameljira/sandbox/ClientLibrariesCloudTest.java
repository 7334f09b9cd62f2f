package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientLibrariesContract} on Jira Cloud, plus the Cloud-only call jira.js makes that the sandbox answered
 * with 404: {@code POST comment/list}.
 */
class ClientLibrariesCloudTest extends ClientLibrariesContract {

    private static final String ADMIN_LEAD = "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\"";

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    private String comment(String key, String json) {
        Client.Resp r = admin.post("/rest/api/2/issue/" + key + "/comment", json);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("values").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    @Test
    void commentListAnswersTheCommentsOfTheIdsTheCallerMaySee() {
        assertThat(admin.post("/rest/api/3/project", "{\"key\":\"HIDDEN\",\"name\":\"Hidden\",\"projectTypeKey\":"
                + "\"software\"," + ADMIN_LEAD + ",\"permissionScheme\":10000}").status()).isEqualTo(201);
        String key = sandbox.admin().createIssue("DEMO", "Task", "listed comments");
        String open = comment(key, "{\"body\":\"Some *bold* words\"}");
        String byRole = comment(key, "{\"body\":\"staff\",\"visibility\":{\"type\":\"role\",\"value\":\"Administrators\"}}");
        String byGroup = comment(key, "{\"body\":\"admins\",\"visibility\":{\"type\":\"group\",\"value\":\"jira-administrators\"}}");
        String usersGroup = comment(key, "{\"body\":\"all\",\"visibility\":{\"type\":\"group\",\"value\":\"jira-software-users\"}}");
        String hidden = comment(sandbox.admin().createIssue("HIDDEN", "Task", "restricted"), "{\"body\":\"secret\"}");
        String asked = "{\"ids\":[" + String.join(",", hidden, byGroup, open, "4711", byRole, usersGroup) + "]}";

        JsonNode all = admin.post("/rest/api/3/comment/list", asked).json();
        assertThat(ids(all)).as("lowest id first, the unknown id left out")
                .containsExactly(open, byRole, byGroup, usersGroup, hidden);
        assertThat(all.get("total").asInt()).isEqualTo(5);
        assertThat(all.get("startAt").asInt()).isZero();
        assertThat(all.get("isLast").asBoolean()).isTrue();
        assertThat(all.get("maxResults").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(all.at("/values/0/body/type").asText()).as("ADF in v3").isEqualTo("doc");
        assertThat(all.at("/values/0").has("renderedBody")).isFalse();

        JsonNode mine = Client.user(sandbox).post("/rest/api/3/comment/list", asked).json();
        assertThat(ids(mine)).as("not the Administrators' nor the restricted project's").containsExactly(open, usersGroup);
        assertThat(mine.get("total").asInt()).isEqualTo(2);

        JsonNode expanded = admin.post("/rest/api/2/comment/list?expand=renderedBody,properties", "{\"ids\":[" + open + "]}")
                .json();
        assertThat(expanded.at("/values/0/renderedBody").asText()).contains("<b>bold</b>");
        assertThat(expanded.at("/values/0/body").asText()).as("wiki markup in v2").isEqualTo("Some *bold* words");
        assertThat(expanded.at("/values/0/properties")).isEmpty();

        Client.Resp empty = admin.post("/rest/api/3/comment/list", "{\"ids\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errorMessages/0").asText()).contains("comment IDs");
        assertThat(empty.json().get("errors")).isEmpty();
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(String::valueOf).collect(Collectors.joining(","));
        Client.Resp over = admin.post("/rest/api/3/comment/list", "{\"ids\":[" + tooMany + "]}");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().at("/errorMessages/0").asText()).contains("1000");
        Client.Resp missing = admin.post("/rest/api/3/comment/list", "{}");
        assertThat(missing.status()).isEqualTo(400);
        SpecCheck.expectRequestViolations(sandbox);
    }
}
