package dev.cameljira.jira.consumer.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.webhook.WebhookDelivery;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox change -> signed webhook -> route: the consumer registers itself, the sandbox Jira delivers its events to it,
 * and the route receives them as {@link JiraEvent}s; a route failure is answered 500 and Jira's redelivery is routed
 * once; Jira's duplicate deliveries are routed once.
 */
abstract class WebhookEndToEndContract extends WebhookSandboxTestSupport {

    private static final String SECRET = "e2e-secret";

    private String uri(String path) {
        return "jira:webhook?webhookPath=" + path + "&registerWebhook=true&webhookExternalUrl=" + externalUrl(path)
               + "&secret=" + SECRET;
    }

    @Test
    void issueAndCommentChangesArriveAsEvents() throws Exception {
        startRoute("e2e", uri("/e2e/events"));

        String key = sandbox.admin().createIssue("DEMO", "Task", "Arrives by webhook");
        WebhookHttp.Received created = recorder.await(r -> key.equals(r.event().issueKey())
                                                          && "jira:issue_created".equals(r.event().type()), "jira:issue_created");
        assertThat(created.event().issue().summary()).isEqualTo("Arrives by webhook");
        assertThat(created.event().projectKey()).isEqualTo("DEMO");
        assertThat(created.event().user().displayName()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
        if (isCloud()) {
            assertThat(created.event().user().accountId()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        } else {
            assertThat(created.event().user().name()).isEqualTo(SandboxUsers.ADMIN_NAME);
        }
        assertThat(created.header(JiraConstants.ISSUE_KEY)).isEqualTo(key);
        assertThat(created.header(JiraConstants.EVENT_SOURCE)).isEqualTo("WEBHOOK");

        sandbox.admin().updateIssue(key, Map.of("summary", "Renamed by webhook test"));
        WebhookHttp.Received updated = recorder.await(r -> key.equals(r.event().issueKey())
                                                          && "jira:issue_updated".equals(r.event().type())
                                                          && !r.event().changelog().isEmpty(), "jira:issue_updated");
        ChangeItem summary = updated.event().changelog().stream().filter(i -> i.is("summary")).findFirst().orElseThrow();
        assertThat(summary.fromText()).isEqualTo("Arrives by webhook");
        assertThat(summary.toText()).isEqualTo("Renamed by webhook test");
        assertThat(updated.header(JiraConstants.CHANGED_FIELDS)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).contains("summary");

        String commentId = sandbox.admin().addComment(key, "Hello from the sandbox");
        WebhookHttp.Received comment = recorder.await(r -> "comment_created".equals(r.event().type())
                                                          && r.event().comment() != null
                                                          && commentId.equals(r.event().comment().id()), "comment_created");
        assertThat(comment.event().comment().body()).isEqualTo("Hello from the sandbox");
        assertThat(comment.event().issueKey()).isEqualTo(key);

        List<WebhookDelivery> deliveries = sandbox.admin().deliveries().stream()
                .filter(d -> d.url().equals(externalUrl("/e2e/events"))).toList();
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.headers()).containsKey("X-Hub-Signature");
            assertThat(d.status()).as("answer to %s", d).isEqualTo(200);
        });
    }

    @Test
    void failedRouteIsRedeliveredByJiraAndRoutedOnce() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        String path = "/e2e/flaky";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(path)).routeId("flaky").process(e -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("target system down");
                    }
                    recorder.record(e);
                });
            }
        });

        String key = sandbox.admin().createIssue("DEMO", "Task", "Survives a failure");
        WebhookHttp.Received r = recorder.await(x -> key.equals(x.event().issueKey()), "the redelivered event");

        String id = (String) r.header(JiraConstants.EVENT_ID);
        awaitAttempts(id, 2);
        List<WebhookDelivery> attempts = sandbox.admin().deliveries().stream().filter(d -> d.identifier().equals(id)).toList();
        assertThat(attempts).extracting(WebhookDelivery::status).containsExactly(500, 200);
        assertThat(attempts.get(1).retry()).isEqualTo(1);
        assertThat(recorder.all()).filteredOn(x -> key.equals(x.event().issueKey())).hasSize(1);
    }

    @Test
    void duplicateDeliveriesAreRoutedOnce() throws Exception {
        startRoute("dups", uri("/e2e/duplicates"));
        sandbox.admin().faults().duplicateWebhookDeliveries(true);

        String key = sandbox.admin().createIssue("DEMO", "Task", "Delivered twice");
        WebhookHttp.Received r = recorder.await(x -> key.equals(x.event().issueKey()), "the event");
        String id = (String) r.header(JiraConstants.EVENT_ID);
        awaitAttempts(id, 2);

        assertThat(sandbox.admin().deliveries()).filteredOn(d -> d.identifier().equals(id))
                .extracting(WebhookDelivery::status).containsExactly(200, 200);
        assertThat(recorder.all()).filteredOn(x -> key.equals(x.event().issueKey())).hasSize(1);
    }

    private void awaitAttempts(String id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sandbox.admin().deliveries().stream().filter(d -> d.identifier().equals(id)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " delivery attempts of " + id + ": " + sandbox.admin().deliveries());
            }
            Thread.sleep(20);
        }
    }
}
