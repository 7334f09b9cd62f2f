package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.model.JiraAttachment;
import dev.cameljira.sandbox.servicenow.Attachment;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.zendesk.NewAttachment;
import dev.cameljira.sandbox.zendesk.NewComment;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskAttachment;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** syncAttachments=true: files travel both ways once, names and bytes kept, the oversized ones reported. */
class AttachmentSyncTest extends SyncTestSupport {


    private void start(String template) {
        environment();
        env.instantiate(template, "sync", env.params("syncAttachments", "true", "maxAttachmentSize", "2048"));
        env.start();
    }

    private List<JiraAttachment> jiraAttachments(String key) {
        return List.copyOf(producer().requestBodyAndHeader("jira:getAttachments", null, "CamelJiraIssueKey", key,
                List.class));
    }

    private byte[] jiraContent(JiraAttachment a) {
        return producer().requestBody("jira:getAttachmentContent", a, byte[].class);
    }

    private ProducerTemplate producer() {
        return env.context.createProducerTemplate();
    }

    @Test
    void zendeskFilesReachJiraAndJiraFilesReachZendeskOnce() {
        start("jira-zendesk-sync");
        ZendeskTicket t = env.sandbox.zendesk().createTicket(TicketDraft.of("With files", "See attached"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(env.sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()));
        String key = env.sandbox.zendesk().ticket(t.id()).orElseThrow().externalId();

        byte[] log = "error at line 7\n".getBytes(StandardCharsets.UTF_8);
        env.sandbox.zendesk().addComment(t.id(), NewComment.publicComment("Here is the log"),
                new NewAttachment("printer log.txt", "text/plain", log),
                new NewAttachment("huge.bin", "application/octet-stream", new byte[4096]));
        producer().sendBodyAndHeaders("jira:addAttachment", "a jira note".getBytes(StandardCharsets.UTF_8),
                Map.of("CamelJiraIssueKey", key, "CamelJiraFileName", "analysis.txt", "CamelJiraContentType", "text/plain"));

        await().atMost(Duration.ofSeconds(25)).until(() ->
                jiraAttachments(key).stream().anyMatch(a -> a.filename().equals("printer log.txt"))
                        && env.sandbox.zendesk().attachments(t.id()).stream()
                        .anyMatch(a -> a.fileName().equals("analysis.txt")));
        JiraAttachment copied = jiraAttachments(key).stream().filter(a -> a.filename().equals("printer log.txt"))
                .findFirst().orElseThrow();
        assertThat(jiraContent(copied)).isEqualTo(log);
        ZendeskAttachment back = env.sandbox.zendesk().attachments(t.id()).stream()
                .filter(a -> a.fileName().equals("analysis.txt")).findFirst().orElseThrow();
        assertThat(env.sandbox.zendesk().attachmentContent(back.id())).isEqualTo("a jira note".getBytes(StandardCharsets.UTF_8));

        // once: no copies of copies, and the oversized file stays where it is, reported
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                jiraAttachments(key).size() == 2 && env.sandbox.zendesk().attachments(t.id()).size() == 3);
        SyncMonitor monitor = env.context.getRegistry().lookupByNameAndType(SyncMonitor.BEAN_NAME, SyncMonitor.class);
        assertThat(monitor.snapshot().unmapped()).anySatisfy(e -> assertThat(e.text()).contains("huge.bin"));
    }

    @Test
    void serviceNowFilesReachJiraAndBack() {
        start("jira-servicenow-sync");
        Incident incident = env.sandbox.serviceNow().createIncident("With a screenshot");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId()));
        String key = env.sandbox.serviceNow().incident(incident.sysId()).orElseThrow().correlationId();

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        env.sandbox.serviceNow().addAttachment(incident.sysId(), "screen.png", "image/png", png);
        producer().sendBodyAndHeaders("jira:addAttachment", "fix.patch body".getBytes(StandardCharsets.UTF_8),
                Map.of("CamelJiraIssueKey", key, "CamelJiraFileName", "fix.patch", "CamelJiraContentType", "text/plain"));

        await().atMost(Duration.ofSeconds(25)).until(() ->
                jiraAttachments(key).stream().anyMatch(a -> a.filename().equals("screen.png"))
                        && env.sandbox.serviceNow().attachments(incident.sysId()).stream()
                        .anyMatch(a -> a.fileName().equals("fix.patch")));
        assertThat(jiraContent(jiraAttachments(key).stream().filter(a -> a.filename().equals("screen.png"))
                .findFirst().orElseThrow())).isEqualTo(png);
        Attachment back = env.sandbox.serviceNow().attachments(incident.sysId()).stream()
                .filter(a -> a.fileName().equals("fix.patch")).findFirst().orElseThrow();
        assertThat(env.sandbox.serviceNow().attachmentContent(back.sysId()).orElseThrow())
                .isEqualTo("fix.patch body".getBytes(StandardCharsets.UTF_8));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                jiraAttachments(key).size() == 2 && env.sandbox.serviceNow().attachments(incident.sysId()).size() == 2);
    }
}
