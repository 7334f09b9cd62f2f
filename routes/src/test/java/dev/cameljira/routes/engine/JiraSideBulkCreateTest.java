package dev.cameljira.routes.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.client.JiraBadRequestException;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates without read-back that meet while one is on its way go to Jira together as one bulk create, and each caller
 * still gets its own answer: its own issue (with the fields it sent), or its own error when Jira refused its item.
 */
class JiraSideBulkCreateTest {

    private JiraSandbox sandbox;
    private CamelContext context;
    private ProducerTemplate producer;
    private ExecutorService callers;

    @BeforeEach
    void start() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
        context = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
        jira.getConfiguration().setUsername(SandboxUsers.ADMIN_EMAIL);
        jira.getConfiguration().setApiToken(SandboxUsers.ADMIN_TOKEN);
        context.addComponent("jira", jira);
        context.start();
        producer = context.createProducerTemplate();
        callers = Executors.newFixedThreadPool(5);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        context.stop();
        sandbox.close();
    }

    private long requests(String path) {
        return sandbox.admin().requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    @Test
    void createsThatMeetGoAsOneBulkRequestAndEachCallerGetsItsOwnIssueOrItsOwnError() throws Exception {
        int before = sandbox.admin().issueCount();
        JiraSide side = new JiraSide(producer, "jira:%s?lazyStartProducer=true", "DEMO", "jira-sync.test", Clock.systemUTC());
        // every answer takes a while, so the callers that come while the first create is on its way have to queue
        sandbox.admin().faults().latency(Duration.ofSeconds(2));

        Future<JiraIssue> first = callers.submit(() -> side.create(CreateIssueRequest.of("DEMO", "Task", "First"), false));
        await().atMost(Duration.ofSeconds(10)).until(side::sendingCreates);
        List<Future<JiraIssue>> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CreateIssueRequest request = CreateIssueRequest.of("DEMO", "Task", "Queued " + i).withLabels(List.of("q" + i));
            CreateIssueRequest sent = i == 2 ? request.withPriority("NoSuchPriority") : request;
            queued.add(callers.submit(() -> side.create(sent, false)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> side.queuedCreates() == 4 || first.isDone());
        assertThat(first.isDone()).as("the four callers queued while the first create was on its way").isFalse();

        JiraIssue firstIssue = first.get();
        assertThat(sandbox.admin().issue(firstIssue.key()).at("/fields/summary").asText()).isEqualTo("First");
        for (int i = 0; i < 4; i++) {
            if (i == 2) {
                int item = i;
                assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> queued.get(item).get()).getCause())
                        .as("the refused item's caller gets Jira's own error for it")
                        .isInstanceOf(JiraBadRequestException.class)
                        .hasMessageContaining("priority");
                continue;
            }
            JiraIssue issue = queued.get(i).get();
            assertThat(issue.key()).startsWith("DEMO-");
            assertThat(issue.summary()).as("the caller's issue carries the fields it sent").isEqualTo("Queued " + i);
            assertThat(sandbox.admin().issue(issue.key()).at("/fields/summary").asText())
                    .as("each caller got the issue made from its own item").isEqualTo("Queued " + i);
            assertThat(sandbox.admin().issue(issue.key()).at("/fields/labels/0").asText()).isEqualTo("q" + i);
        }
        assertThat(requests("/rest/api/3/issue/bulk")).as("the four queued creates went as one bulk request").isEqualTo(1);
        assertThat(requests("/rest/api/3/issue")).as("only the first went alone").isEqualTo(1);
        assertThat(sandbox.admin().issueCount()).as("four issues, none twice, none for the refused item").isEqualTo(before + 4);
    }
}
