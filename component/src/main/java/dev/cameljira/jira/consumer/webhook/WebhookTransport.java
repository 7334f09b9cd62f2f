package dev.cameljira.jira.consumer.webhook;

/**
 * The webhook path open on an HTTP server: a route of its own on the Vert.x router ({@link VertxWebhookRoute}) or a
 * platform-http consumer (the fallback). Free of Vert.x types, so {@link JiraWebhookConsumer} loads without Vert.x.
 */
interface WebhookTransport {

    /** What serves the path, for the log: {@code Vert.x router} or {@code platform-http}. */
    String name();

    /** Closes the path: requests to it get 404 again. */
    void close();
}
