package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@link EndpointsContract} on Jira Cloud, plus the Cloud-only {@code GET label}. */
class CloudEndpointsTest extends EndpointsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void labelsInUseArePagedAndSorted() {
        sandbox.admin().createIssue("DEMO", "Task", "labelled", java.util.Map.of("labels", java.util.List.of("zeta", "alpha")));
        sandbox.admin().createIssue("DEMO", "Task", "labelled too", java.util.Map.of("labels", java.util.List.of("mid", "alpha")));
        JsonNode all = user.get("/rest/api/3/label").json();
        java.util.List<String> values = new java.util.ArrayList<>();
        all.get("values").forEach(v -> values.add(v.asText()));
        assertThat(values).containsSubsequence("alpha", "mid", "zeta").doesNotHaveDuplicates().isSorted();
        assertThat(all.get("total").asInt()).isEqualTo(values.size());
        assertThat(all.get("isLast").asBoolean()).isTrue();
        JsonNode page = user.get("/rest/api/2/label?startAt=1&maxResults=1").json();
        assertThat(page.get("values")).extracting(JsonNode::asText).containsExactly(values.get(1));
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).endsWith("/rest/api/2/label?maxResults=1&startAt=2");
    }
}
