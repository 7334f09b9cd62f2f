package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JQL on Jira Cloud: search/jql (GET and POST) and approximate-count, which always validate strictly. */
class CloudJqlSearchTest extends JqlSearchContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Override
    protected Client.Resp mainSearch(String jql) {
        return admin.post("/rest/api/3/search/jql",
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
                admin.get("/rest/api/3/search/jql?fields=summary&jql=" + q(jql)),
                admin.post("/rest/api/2/search/jql", Client.json(Map.of("jql", jql))),
                admin.post("/rest/api/3/search/approximate-count", Client.json(Map.of("jql", jql))));
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
        return Map.of("accountId", accountId);
    }
}
