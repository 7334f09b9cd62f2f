package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JQL on Jira Data Center: /search (GET and POST) with validateQuery. */
class ServerJqlSearchTest extends JqlSearchContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }

    @Override
    protected Client.Resp mainSearch(String jql) {
        return admin.post("/rest/api/2/search",
                Client.json(Map.of("jql", jql, "fields", List.of("summary"), "maxResults", 100)));
    }

    @Override
    protected List<String> keys(String jql) {
        Client.Resp r = mainSearch(jql);
        assertThat(r.status()).as(jql + ": " + r.text()).isEqualTo(200);
        return keysOf(r.json());
    }

    @Override
    protected List<List<String>> errorsOnEveryPath(String jql) {
        List<Client.Resp> answers = List.of(
                admin.get("/rest/api/2/search?jql=" + q(jql)),
                admin.post("/rest/api/2/search", Client.json(Map.of("jql", jql, "validateQuery", true))));
        List<List<String>> errors = new ArrayList<>();
        for (Client.Resp r : answers) {
            assertThat(r.status()).as(jql + ": " + r.text()).isEqualTo(400);
            List<String> messages = new ArrayList<>();
            r.json().get("errorMessages").forEach(m -> messages.add(m.asText()));
            errors.add(messages);
        }
        return errors;
    }

    @Override
    protected Map<String, String> userRef(String accountId, String name) {
        return Map.of("name", name);
    }

    @Test
    void validateQueryWarnRunsTheQueryAndReportsTheUnknownValuesAsWarnings() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "warned", Map.of("labels", List.of("warned")));
        String jql = "labels = warned AND (key in (" + key + ", NOPE-1) OR project = NOPE)";

        JsonNode warned = admin.post("/rest/api/2/search",
                Client.json(Map.of("jql", jql, "validateQuery", false, "fields", List.of("summary")))).json();
        assertThat(keysOf(warned)).containsExactly(key);
        assertThat(warned.get("warningMessages")).extracting(JsonNode::asText).containsExactly(
                "An issue with key 'NOPE-1' does not exist for field 'key'.",
                "The value 'NOPE' does not exist for the field 'project'.");

        JsonNode warnedByName = admin.get("/rest/api/2/search?validateQuery=warn&jql="
                + q(jql + " OR universe = 42")).json();
        assertThat(keysOf(warnedByName)).containsExactly(key);
        assertThat(warnedByName.get("warningMessages")).extracting(JsonNode::asText).contains(
                "The value 'NOPE' does not exist for the field 'project'.",
                "Field 'universe' does not exist or you do not have permission to view it.");

        JsonNode silent = admin.get("/rest/api/2/search?validateQuery=none&jql=" + q(jql)).json();
        assertThat(keysOf(silent)).containsExactly(key);
        assertThat(silent.has("warningMessages")).isFalse();

        Client.Resp strict = admin.get("/rest/api/2/search?validateQuery=strict&jql=" + q(jql));
        assertThat(strict.status()).isEqualTo(400);
        Client.Resp syntax = admin.get("/rest/api/2/search?validateQuery=none&jql=" + q("project = "));
        assertThat(syntax.status()).isEqualTo(400);
        Client.Resp bogus = admin.get("/rest/api/2/search?validateQuery=maybe&jql=" + q(jql));
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("errorMessages").get(0).asText()).contains("'maybe'", "validateQuery");
        // the DC spec types validateQuery as a boolean; Jira also takes strict, warn and none
        SpecCheck.expectRequestViolations(sandbox);
    }
}
