package dev.cameljira.sandbox.webhook;

import java.util.List;
import java.util.Map;

/**
 * One attempt to deliver a webhook (retries and duplicates are separate attempts with the same identifier).
 *
 * @param identifier the {@code X-Atlassian-Webhook-Identifier} (same for retries and duplicates)
 * @param webhookId  registration id
 * @param event      {@code webhookEvent}
 * @param url        target URL after variable substitution
 * @param retry      0 for the first try, n for the n-th retry ({@code X-Atlassian-Webhook-Retry})
 * @param headers    request headers sent
 * @param body       request body sent
 * @param status     response status, or -1 when the connection failed
 * @param error      the connection error, or null
 */
public record WebhookDelivery(String identifier, long webhookId, String event, String url, int retry,
        Map<String, List<String>> headers, byte[] body, int status, String error) {

    /** Whether the receiver answered 2xx. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + event + " -> " + url + ", retry=" + retry + ", status=" + status + ", id=" + identifier + "]";
    }
}
