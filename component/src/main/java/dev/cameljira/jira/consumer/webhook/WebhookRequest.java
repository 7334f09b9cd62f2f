package dev.cameljira.jira.consumer.webhook;

/**
 * What {@link WebhookRequestHandler} reads of an HTTP request besides its body, whichever server carries it: a Vert.x
 * request on the direct path ({@link VertxWebhookRoute}), a platform-http Camel message on the fallback path.
 */
interface WebhookRequest {

    /** The request method, e.g. {@code POST}. */
    String method();

    /**
     * The value of a request header (names are case-insensitive), or null when absent. A header sent more than once
     * gives its values as one list text, {@code [a, b]}, as platform-http copies it into a Camel message: so a repeated
     * Content-Type, signature or delivery id is refused on both paths, never read as one of its values.
     */
    String header(String name);

    /** The client's address as the HTTP server tells it (e.g. {@code 127.0.0.1:52114}), or null when unknown. */
    String remoteAddress();
}
