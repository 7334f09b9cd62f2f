package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zendesk and ServiceNow say when a record was created in whole seconds: a ticket or incident created in the second
 * the sync started (before its sub-second start) is new all the same.
 */
class NewSinceTest {
    @TempDir
    Path state;

    @Test
    void recordsCreatedInTheSecondOfTheStartAreNew() {
        // a second far enough ahead for the context to start first, even on a busy machine
        Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
        Instant start = second.plusMillis(900);
        try (SyncEnvironment env = new SyncEnvironment(JiraSandbox.start(JiraSandbox.Mode.CLOUD), state)) {
            env.instantiate("jira-zendesk-sync", "zendesk-sync", env.params("since", start.toString()));
            env.instantiate("jira-servicenow-sync", "servicenow-sync", env.params("since", start.toString()));
            env.start();
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(10))
                    .until(() -> Instant.now().isAfter(second.plusMillis(20)));

            ZendeskTicket ticket = env.sandbox.zendesk().createTicket(TicketDraft.of("Same second", "Created at once"));
            Incident incident = env.sandbox.serviceNow().createIncident("Same second");
            Assumptions.assumeTrue(Instant.now().isBefore(start), "created in time to exercise the case");

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    SyncEnvironment.linked(env.sandbox.zendesk().ticket(ticket.id()).orElseThrow().externalId()));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    SyncEnvironment.linked(env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId()));
            assertThat(env.sandbox.admin().issueCount()).isEqualTo(2);
        }
    }
}
