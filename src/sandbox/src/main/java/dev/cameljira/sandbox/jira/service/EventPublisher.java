package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.jira.model.Issue;
import java.util.function.Supplier;

/**
 * Where state changes are announced (the webhook dispatcher). Called while the store's write lock is held, so the
 * issue is in the state the change left it in; the payload is built only when a registration wants the event.
 */
public interface EventPublisher {

    /** An publisher that drops everything. */
    EventPublisher NONE = (event, issue, payload) -> { };

    /**
     * @param webhookEvent {@code jira:issue_created}, {@code comment_created}, ...
     * @param issue        the issue concerned (for JQL filters), or null for project events
     * @param payload      builds the webhook body
     */
    void publish(String webhookEvent, Issue issue, Supplier<ObjectNode> payload);
}
