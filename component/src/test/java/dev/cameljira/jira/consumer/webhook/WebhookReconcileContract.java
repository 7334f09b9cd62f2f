package dev.cameljira.jira.consumer.webhook;

import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.sandbox.webhook.WebhookRegistration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup poll (reconcileInterval): issue changes whose webhooks never arrived are routed once, as RECONCILE events
 * of the same shape; changes a webhook already delivered are not routed again; issues outside the endpoint's JQL are
 * not routed at all. The poll is triggered by {@link JiraWebhookConsumer#reconcileNow()} (the interval is an hour).
 */
abstract class WebhookReconcileContract extends WebhookSandboxTestSupport {

    private static final String PATH = "/recon/webhook";
    private static final String LABEL = "recon";

    private String createIssue(String summary, String label) {
        return sandbox.admin().createIssue("DEMO", "Task", summary, label == null ? Map.of() : Map.of("labels", List.of(label)));
    }

    private List<WebhookHttp.Received> eventsFor(String key) {
        return recorder.all().stream().filter(r -> key.equals(r.event().issueKey())).toList();
    }

    @Test
    void routesWhatTheWebhooksMissedOnceAndNothingTheyDelivered() throws Exception {
        startRoute("recon", "jira:webhook?webhookPath=" + PATH + "&registerWebhook=true&webhookExternalUrl=" + externalUrl(PATH)
                            + "&secret=recon-secret&jql=labels = " + LABEL + "&reconcileInterval=1h");
        JiraWebhookConsumer consumer = consumer("recon");

        String delivered = createIssue("Delivered by webhook", LABEL);
        recorder.await(r -> delivered.equals(r.event().issueKey()), "the webhook of " + delivered);
        awaitAnswered(delivered);
        assertThat(consumer.reconcileNow()).as("nothing missed yet").isZero();

        // Jira loses the webhook: the registration disappears behind the consumer's back
        for (WebhookRegistration w : registrationsFor(externalUrl(PATH))) {
            assertThat(adminCall("DELETE", WebhookRegistrar.PATH + "/" + w.id(), null).statusCode()).isEqualTo(204);
        }
        String missed = createIssue("Missed by the webhooks", LABEL);
        String unrelated = createIssue("Outside the JQL", null);

        assertThat(consumer.reconcileNow()).isEqualTo(1);
        assertThat(eventsFor(missed)).singleElement().satisfies(r -> {
            JiraEvent e = r.event();
            assertThat(e.type()).isEqualTo("jira:issue_created");
            assertThat(e.source()).isEqualTo(JiraEvent.Source.RECONCILE);
            assertThat(e.issue().summary()).isEqualTo("Missed by the webhooks");
            assertThat(e.projectKey()).isEqualTo("DEMO");
            assertThat(r.header(JiraConstants.EVENT_SOURCE)).isEqualTo("RECONCILE");
            assertThat(r.header(JiraConstants.ISSUE_KEY)).isEqualTo(missed);
        });
        assertThat(eventsFor(unrelated)).isEmpty();
        assertThat(eventsFor(delivered)).as("delivered once, by its webhook").hasSize(1);

        sandbox.admin().transition(missed, "In Progress");
        assertThat(consumer.reconcileNow()).isEqualTo(1);
        List<WebhookHttp.Received> missedEvents = eventsFor(missed);
        assertThat(missedEvents).hasSize(2);
        JiraEvent update = missedEvents.get(1).event();
        assertThat(update.type()).isEqualTo("jira:issue_updated");
        assertThat(update.issue().status()).isEqualTo("In Progress");
        assertThat(update.changelog()).filteredOn(i -> i.is("status")).singleElement()
                .extracting(ChangeItem::toText).isEqualTo("In Progress");
        assertThat(missedEvents.get(1).header(JiraConstants.CHANGED_FIELDS))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).contains("status");

        assertThat(consumer.reconcileNow()).as("nothing new").isZero();
        assertThat(recorder.all()).hasSize(3);
    }

    /** Waits until the sandbox has seen the consumer answer the webhook about {@code key} (the answer follows the route). */
    private void awaitAnswered(String key) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sandbox.admin().deliveries().stream().noneMatch(d -> d.succeeded() && d.bodyText().contains("\"" + key + "\""))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the webhook about " + key + " was never answered: " + sandbox.admin().deliveries());
            }
            Thread.sleep(20);
        }
    }
}
