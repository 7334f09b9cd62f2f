package dev.cameljira.jira.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The with... methods that CreateIssueRequest and UpdateIssueRequest share through IssueValues. */
class IssueValuesTest {

    private static final ObjectNode UPDATE = JsonNodeFactory.instance.objectNode();

    private static final CreateIssueRequest CREATE = new CreateIssueRequest("DEMO", "Task", "Summary", "Text", "alice",
            "High", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3));

    private static final UpdateIssueRequest EDIT = new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice", "High",
            "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE);

    @Test
    void eachWithChangesOnlyItsValueOfACreateRequest() {
        assertThat(CREATE.withSummary("New")).isEqualTo(new CreateIssueRequest("DEMO", "Task", "New", "Text", "alice",
                "High", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withDescription("New")).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "New", "alice",
                "High", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withAssignee("bob")).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "Text", "bob",
                "High", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withPriority("Low")).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "Text", "alice",
                "Low", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withIssueType("Bug")).isEqualTo(new CreateIssueRequest("DEMO", "Bug", "Summary", "Text", "alice",
                "High", List.of("l1"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withLabels(List.of("l2"))).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "Text",
                "alice", "High", List.of("l2"), List.of("c1"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withComponents(List.of("c2"))).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "Text",
                "alice", "High", List.of("l1"), List.of("c2"), "DEMO-1", Map.of("Story Points", 3)));
        assertThat(CREATE.withParentKey("DEMO-9")).isEqualTo(new CreateIssueRequest("DEMO", "Task", "Summary", "Text",
                "alice", "High", List.of("l1"), List.of("c1"), "DEMO-9", Map.of("Story Points", 3)));
    }

    @Test
    void entityPropertiesAreKeptByEveryWithAndReplacedByWithProperties() {
        CreateIssueRequest withProps = CREATE.withProperties(Map.of("zendesk", Map.of("ticketId", 4711)));
        assertThat(withProps.properties()).containsEntry("zendesk", Map.of("ticketId", 4711));
        assertThat(withProps.withSummary("New").properties()).isEqualTo(withProps.properties());
        assertThat(withProps.withField("Story Points", 5).properties()).isEqualTo(withProps.properties());
        assertThat(withProps.withParentKey("DEMO-9").properties()).isEqualTo(withProps.properties());
        assertThat(withProps.withProperty("sync.state", "new").properties())
                .containsExactly(Map.entry("zendesk", Map.of("ticketId", 4711)), Map.entry("sync.state", "new"));
        assertThat(withProps.withProperties(null).properties()).isNull();
        assertThat(CREATE.properties()).as("the ten-value constructor sets none").isNull();
        assertThat(CreateIssueRequest.of("DEMO", "Task", "s").withProperty("a", 1).properties()).containsExactly(Map.entry("a", 1));
    }

    @Test
    void eachWithChangesOnlyItsValueOfAnUpdateRequest() {
        assertThat(EDIT.withSummary("New")).isEqualTo(new UpdateIssueRequest("DEMO-2", "New", "Text", "alice", "High",
                "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withDescription("New")).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "New", "alice",
                "High", "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withAssignee("none")).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "none", "High",
                "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withPriority("Low")).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice", "Low",
                "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withIssueType("Bug")).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice", "High",
                "Bug", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withLabels(List.of())).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice", "High",
                "Task", List.of(), List.of("c1"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withComponents(List.of("c2"))).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice",
                "High", "Task", List.of("l1"), List.of("c2"), Map.of("Story Points", 3), UPDATE));
        assertThat(EDIT.withUpdate(null)).isEqualTo(new UpdateIssueRequest("DEMO-2", "Summary", "Text", "alice", "High",
                "Task", List.of("l1"), List.of("c1"), Map.of("Story Points", 3), null));
    }

    @Test
    void withFieldAddsToACopyOfTheFields() {
        CreateIssueRequest more = CREATE.withField("customfield_10020", "x");
        assertThat(more.fields()).containsEntry("Story Points", 3).containsEntry("customfield_10020", "x").hasSize(2);
        assertThat(CREATE.fields()).hasSize(1);
        assertThat(more.parentKey()).isEqualTo("DEMO-1");

        UpdateIssueRequest first = UpdateIssueRequest.of("DEMO-3").withField("Story Points", 5);
        assertThat(first.fields()).containsExactly(Map.entry("Story Points", 5));
        assertThat(first.issueKey()).isEqualTo("DEMO-3");
    }
}
