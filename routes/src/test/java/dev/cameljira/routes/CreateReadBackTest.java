package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.TicketUpdate;
import dev.cameljira.sandbox.zendesk.ZendeskPriority;
import dev.cameljira.sandbox.zendesk.ZendeskStatus;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new issue is read back from Jira only while the sync does not know what an issue of its type starts with; then it
 * is created in one request, and the values it guessed are marked in the link. A wrong guess (the workflow's first
 * status changed) never reaches the ticket: the first reconciliation sees the issue's real start and corrects it.
 */
class CreateReadBackTest extends SyncTestSupport {

    @BeforeEach
    void start() throws Exception {
        environment();
        syncStartedSecondsAgo(3); // past the engine's start allowance: no label searches to count
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params());
        env.start();
    }

    private JsonNode link(String key) {
        return env.context.createProducerTemplate().requestBodyAndHeaders("jira:getIssueProperty", null,
                java.util.Map.of("CamelJiraIssueKey", key, "CamelJiraPropertyKey", "jira-sync.zendesk"), JsonNode.class);
    }

    private long requests(String method, String path) {
        return env.sandbox.admin().requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    @Test
    void theSecondIssueOfATypeIsCreatedInOneRequestWithItsStartMarkedAsGuessed() {
        ZendeskTicket first = env.sandbox.zendesk().createTicket(TicketDraft.of("First", "x"));
        String firstKey = env.awaitTicketKey(first.id());
        ZendeskTicket second = env.sandbox.zendesk().createTicket(TicketDraft.of("Second", "x"));
        String secondKey = env.awaitTicketKey(second.id());

        assertThat(env.monitor().counter("create.withoutReadBack")).isEqualTo(1);
        assertThat(requests("GET", "/rest/api/3/issue/" + firstKey)).as("first: read back").isPositive();
        assertThat(requests("GET", "/rest/api/3/issue/" + secondKey)).as("second: not read").isZero();
        assertThat(requests("PUT", "/rest/api/3/issue/" + secondKey + "/properties/jira-sync.zendesk"))
                .as("the link went with the create").isZero();
        JsonNode link = link(secondKey);
        assertThat(link.path("jira").path("status").asText()).isEqualTo("To Do");
        assertThat(link.path("jira").path("priority").asText()).isEqualTo(
                env.sandbox.admin().issue(secondKey).path("fields").path("priority").path("name").asText());
        assertThat(link.path("guessed")).extracting(JsonNode::asText).contains("status");
        assertThat(link(firstKey).has("guessed")).isFalse();
    }

    @Test
    void aWrongGuessIsCorrectedAndNeverWrittenToTheTicket() {
        ZendeskTicket first = env.sandbox.zendesk().createTicket(TicketDraft.of("First", "x"));
        env.awaitTicketKey(first.id());
        // a Jira admin changes the workflow: new issues now start In Progress, the sync still expects To Do
        env.sandbox.admin().startNewIssuesIn("In Progress");
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("After the workflow change", "x"));
        String key = env.awaitTicketKey(t.id());
        assertThat(env.monitor().counter("create.withoutReadBack")).isEqualTo(1);
        assertThat(env.sandbox.admin().issue(key).path("fields").path("status").path("name").asText())
                .isEqualTo("In Progress");

        // any change of the pair reconciles it: the guess is found wrong, the issue goes where the ticket's status
        // maps to (as the creation would have moved it), and the ticket keeps its status
        env.sandbox.zendesk().updateTicket(t.id(), TicketUpdate.none().withPriority(ZendeskPriority.HIGH));
        await().atMost(Duration.ofSeconds(20)).until(() -> env.monitor().counter("create.guessCorrected") > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> env.sandbox.admin().issue(key).path("fields")
                .path("status").path("name").asText().equals("To Do"));
        await().atMost(Duration.ofSeconds(10)).until(() -> env.sandbox.admin().issue(key).path("fields")
                .path("priority").path("name").asText().equals("High"));
        assertThat(env.sandbox.zendesk().ticket(t.id()).orElseThrow().status()).isEqualTo(ZendeskStatus.NEW);
        assertThat(link(key).path("jira").path("status").asText()).isEqualTo("To Do");
        // checked: no longer a guess (the assignee, unassigned as expected, stays marked until it is next agreed)
        assertThat(link(key).path("guessed")).extracting(JsonNode::asText).doesNotContain("status", "priority");

        // the next creation reads back again and learns the new start
        ZendeskTicket next = env.sandbox.zendesk().createTicket(TicketDraft.of("Next", "x"));
        String nextKey = env.awaitTicketKey(next.id());
        assertThat(env.monitor().counter("create.withoutReadBack")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> env.sandbox.admin().issue(nextKey).path("fields")
                .path("status").path("name").asText().equals("To Do"));
        assertThat(env.sandbox.zendesk().ticket(next.id()).orElseThrow().status()).isEqualTo(ZendeskStatus.NEW);
    }
}
