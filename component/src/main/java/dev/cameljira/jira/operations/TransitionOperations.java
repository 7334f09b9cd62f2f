package dev.cameljira.jira.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraTransitionNotAvailableException;
import dev.cameljira.jira.model.JiraIssue;

/** transitionIssue: moves an issue through its workflow; the issue's transitions are cached ({@link TransitionCache}). */
public final class TransitionOperations {

    private TransitionOperations() {
    }

    /**
     * transitionIssue: moves an issue through its workflow ({@code POST /issue/{key}/transitions}), then reads it back.
     *
     * <p>Needs the issue key and the transition (header CamelJiraTransition / camel-jira's IssueTransitionId, body key
     * {@code transition}): a transition id ("21"), a transition name ("Start Progress") or a target status name
     * ("In Progress"), case-insensitive, matched in that order. An id (digits only) is sent as is; a name is looked up
     * through {@code GET /issue/{key}/transitions}, cached per issue and dropped once the issue moved; a cached id that
     * Jira rejects is looked up again once. A transition the issue cannot take from its current status fails with
     * {@link JiraTransitionNotAvailableException} (a {@link JiraInvalidInputException}) naming the issue, what was
     * wanted and the available transitions with their target statuses.
     *
     * <p>Optional: further fields set on the transition screen (CamelJiraFields or the body's {@code fields}, e.g.
     * {@code {"resolution":"Won't Do"}}), a comment (header CamelJiraComment, body key {@code comment}, or - as in
     * camel-jira - a plain String body) added in the same request, and Jira's {@code update} object (body key).
     *
     * <p>Returns the issue read back ({@link JiraIssue}, with its new status); headers CamelJiraIssueKey,
     * CamelJiraIssueId, CamelJiraProjectKey.
     */
    public static Object transitionIssue(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String wanted = ctx.require(JiraParam.TRANSITION).trim();
        JiraApi api = ctx.api();
        String comment = ctx.string(JiraParam.TRANSITION_COMMENT).orElseGet(() -> OperationSupport.plainTextBody(ctx));
        ObjectNode body = api.client().newObject();
        ObjectNode fields = api.client().newObject();
        IssueFields.putAll(api, fields, OperationSupport.fieldMap(api, ctx.raw(JiraParam.FIELDS).orElse(null)));
        if (!fields.isEmpty()) {
            body.set("fields", fields);
        }
        ObjectNode update = transitionUpdate(ctx, api, comment);
        if (!update.isEmpty()) {
            body.set("update", update);
        }
        new TransitionCache(api, key).perform(wanted, body);
        return IssueOperations.read(ctx, key);
    }

    private static ObjectNode transitionUpdate(OperationContext ctx, JiraApi api, String comment) {
        ObjectNode update = api.client().newObject();
        ObjectNode body = ctx.bodyObject();
        if (body != null && body.get("update") instanceof ObjectNode given) {
            update.setAll(given.deepCopy());
        }
        if (comment != null && !comment.isBlank()) {
            ArrayNode ops = update.get("comment") instanceof ArrayNode a ? a : update.putArray("comment");
            ops.addObject().putObject("add").set("body", api.richText(comment));
        }
        return update;
    }
}
