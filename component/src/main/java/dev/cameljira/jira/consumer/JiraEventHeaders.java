package dev.cameljira.jira.consumer;

import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.model.JiraEvent;
import org.apache.camel.Message;

/**
 * The headers every jira: consumer sets next to a {@link JiraEvent} body, so a route reads the same headers whether
 * the event came from a webhook or a poll: {@code CamelJiraEventType}, {@code CamelJiraEventSource},
 * {@code CamelJiraEventId}, {@code CamelJiraIssueKey}, {@code CamelJiraIssueId}, {@code CamelJiraProjectKey},
 * {@code CamelJiraChangedFields} and, for comment events, {@code CamelJiraCommentId}. Headers without a value are not
 * set.
 */
public final class JiraEventHeaders {

    private JiraEventHeaders() {
    }

    /** Sets the event as body and its headers on {@code message}. */
    public static void apply(Message message, JiraEvent event) {
        message.setBody(event);
        put(message, JiraConstants.EVENT_TYPE, event.type());
        put(message, JiraConstants.EVENT_SOURCE, event.source() == null ? null : event.source().name());
        put(message, JiraConstants.EVENT_ID, event.eventId());
        put(message, JiraConstants.ISSUE_KEY, event.issueKey());
        put(message, JiraConstants.ISSUE_ID, event.issueId());
        put(message, JiraConstants.PROJECT_KEY, event.projectKey());
        message.setHeader(JiraConstants.CHANGED_FIELDS, event.changedFields());
        put(message, JiraConstants.COMMENT_ID, event.comment() == null ? null : event.comment().id());
    }

    private static void put(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
