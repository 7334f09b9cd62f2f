package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskRole;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import dev.cameljira.sandbox.zendesk.ZendeskUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People are matched by e-mail (the fallback takes the unknown), and restricted Jira comments stay in Jira. */
class PeopleAndVisibilityTest extends SyncTestSupport {
    private ZendeskUser jane;

    @BeforeEach
    void start() {
        environment();
        // the same person on both sides: Jira's seeded user@example.com is an agent in Zendesk too
        jane = env.sandbox.zendesk().createUser("Sandbox User", SandboxUsers.USER_EMAIL, ZendeskRole.AGENT);
        env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("fallbackAssignee", SandboxUsers.USER_EMAIL));
        env.start();
    }

    @Test
    void reporterAndAssigneeAreMatchedByEmailAndTheFallbackTakesUnknownAssignees() {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("People", "x")
                .withRequester("Sandbox User", SandboxUsers.USER_EMAIL).withAssigneeId(jane.id()));
        String key = env.awaitTicketKey(t.id());

        JsonNode fields = env.sandbox.admin().issue(key).path("fields");
        assertThat(fields.path("reporter").path("accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        assertThat(fields.path("assignee").path("accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);

        // the Jira admin has no Zendesk account: the ticket goes to the fallback (Jane), reported once
        env.sandbox.admin().updateIssue(key, Map.of("assignee", Map.of("accountId", SandboxUsers.ADMIN_ACCOUNT_ID)));
        await().atMost(Duration.ofSeconds(20)).until(() -> env.monitor().snapshot().unmapped().stream()
                .anyMatch(e -> e.text().contains("Sandbox Admin")));
        assertThat(env.sandbox.zendesk().ticket(t.id()).orElseThrow().assigneeId()).isEqualTo(jane.id());
        // and the Jira assignee is not bounced back
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                env.sandbox.admin().issue(key).path("fields").path("assignee").path("accountId").asText()
                        .equals(SandboxUsers.ADMIN_ACCOUNT_ID));
    }

    @Test
    void aRestrictedJiraCommentStaysInJira() {
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("Restricted", "x"));
        String key = env.awaitTicketKey(t.id());

        env.context.createProducerTemplate().sendBodyAndHeaders("jira:addComment", "Internal: budget approved",
                Map.of("CamelJiraIssueKey", key, "CamelJiraVisibility", "role:Administrators"));
        env.sandbox.admin().addComment(key, "Public: fixed tomorrow");

        await().atMost(Duration.ofSeconds(20)).until(() -> env.sandbox.zendesk().comments(t.id()).stream()
                .anyMatch(c -> c.body().contains("fixed tomorrow")));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                env.sandbox.zendesk().comments(t.id()).stream().noneMatch(c -> c.body().contains("budget")));
    }
}
