package dev.cameljira.jira.consumer.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the backup poll (reconcileInterval=0, the default) a delivery leaves one entry in the idempotent repository,
 * its delivery id: no issue-version entry that only the backup poll would read (on a JDBC repository that would be a
 * second row and a second insert per delivery).
 */
class WebhookBookkeepingTest extends WebhookReceiverTestSupport {

    private static final String SECRET = "bookkeeping-secret";
    private final MemoryIdempotentRepository repository =
            (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final WebhookHttp.Recorder routed = new WebhookHttp.Recorder();

    @Override
    protected void routes(RouteBuilder builder) {
        builder.getContext().getRegistry().bind("deliveries", repository);
        builder.from("jira:webhook?webhookPath=/bookkeeping&secret=" + SECRET + "&idempotentRepository=#deliveries")
                .process(routed::record);
    }

    @Test
    void oneEntryPerDeliveryWhenReconcileIsOff() {
        String body = "{\"timestamp\":1700000000000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\","
                      + "\"key\":\"DEMO-1\",\"fields\":{\"updated\":\"2026-11-28T10:15:00.000+0000\"}}}";
        assertThat(http.deliver("/bookkeeping", SECRET, body).statusCode()).isEqualTo(200);
        assertThat(routed.all()).hasSize(1);
        assertThat(repository.getCacheSize()).as("entries after one delivery: %s", repository.getCache().keySet())
                .isEqualTo(1);
    }
}
