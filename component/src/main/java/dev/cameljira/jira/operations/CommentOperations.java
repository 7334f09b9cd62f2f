package dev.cameljira.jira.operations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraJson;
import dev.cameljira.jira.client.JiraPaging;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraVisibility;
import dev.cameljira.jira.text.RichText;

/**
 * Comment operations: add, list, update and delete the comments of an issue. Text becomes ADF on REST v3 and wiki
 * markup on v2 ({@link JiraApi#richText(Object)}); an ADF document given as JSON is sent as is on v3.
 */
public final class CommentOperations {

    private CommentOperations() {
    }

    /**
     * addComment (camel-jira: addComment). Needs the issue key (header CamelJiraIssueKey or IssueKey) and the text: a
     * String body (camel-jira), a JSON/Map body {@code {"body": text or ADF, "visibility": {"type":"role","value":...}}}
     * or a typed {@link AddCommentRequest}. Visibility may also come from header CamelJiraVisibility
     * ({@code role:Administrators}). Returns the created {@link JiraComment}; sets CamelJiraCommentId and
     * CamelJiraIssueKey.
     */
    public static Object addComment(OperationContext ctx) {
        AddCommentRequest typed = ctx.typedBody(AddCommentRequest.class).orElse(null);
        String key = typed != null && typed.issueKey() != null && !typed.issueKey().isBlank() ? typed.issueKey()
                : ctx.require(JiraParam.ISSUE_KEY);
        Object text = typed != null ? typed.body() : text(ctx);
        JsonNode visibility = typed != null && typed.visibility() != null ? typed.visibility().toJson() : visibility(ctx);
        requireText(ctx, text);
        JiraComment comment = ctx.api().addComment(key, text, visibility);
        setHeaders(ctx, key, comment.id());
        return comment;
    }

    /**
     * getComments (camel-jira: fetchComments). Needs the issue key. Returns a {@code List<JiraComment>} with ALL the
     * issue's comments in Jira's order (oldest first), reading every page of {@code GET /issue/{key}/comment}
     * (startAt/maxResults/total); camel-jira returned a {@code List<Comment>}. The endpoint option maxResults is the
     * page size (Jira may cap it). Sets CamelJiraResultCount.
     */
    public static Object getComments(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        int pageSize = ctx.config().getMaxResults();
        if (pageSize < 1) {
            throw ctx.invalid("maxResults must be at least 1, was " + pageSize);
        }
        List<JiraComment> all = JiraPaging.all(ctx.api().comments(key, false, pageSize, 0));
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.RESULT_COUNT, all.size());
        return all;
    }

    /**
     * updateComment. Needs the issue key, the comment id (header CamelJiraCommentId or 'commentId' in a JSON body) and
     * the new text (String body, or 'body' of a JSON/Map body); visibility as for addComment. Returns the updated
     * {@link JiraComment}.
     */
    public static Object updateComment(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String id = ctx.require(JiraParam.COMMENT_ID);
        Object text = text(ctx);
        requireText(ctx, text);
        JiraComment updated = ctx.api().updateComment(key, id, text, visibility(ctx));
        setHeaders(ctx, key, id);
        return updated;
    }

    /** deleteComment. Needs the issue key and the comment id; returns the id of the deleted comment. */
    public static Object deleteComment(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String id = ctx.require(JiraParam.COMMENT_ID);
        ctx.api().deleteComment(key, id);
        setHeaders(ctx, key, id);
        return id;
    }

    private static void setHeaders(OperationContext ctx, String key, String commentId) {
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.COMMENT_ID, commentId);
    }

    /** Fails before any call when the text is empty. */
    private static void requireText(OperationContext ctx, Object text) {
        if (OperationSupport.noText(text)) {
            throw new JiraInvalidInputException(ctx.operation().uriName() + " needs the comment text: send it as the String "
                                                + "body, as 'body' of a JSON/Map body, or in an AddCommentRequest");
        }
    }

    /**
     * The text of a comment-like operation: 'body' (or 'comment', 'text') of a JSON/Map body, else the message body as
     * a String (camel-jira style). Null when there is none.
     */
    static Object text(OperationContext ctx) {
        ObjectNode o = ctx.bodyObject();
        if (o != null) {
            return RichText.isAdf(o) ? o : ctx.raw(JiraParam.COMMENT_BODY).orElse(null);
        }
        Object b = ctx.body();
        if (b == null || b instanceof Map<?, ?>) {
            return null;
        }
        if (b instanceof JsonNode n) {
            return n;
        }
        return ctx.in().getBody(String.class);
    }

    /**
     * Visibility from 'visibility' of a JSON/Map body (an object as Jira expects it, or the short form) or header
     * CamelJiraVisibility ({@code role:Administrators}, {@code group:jira-developers}, a Map or a JiraVisibility).
     */
    static JsonNode visibility(OperationContext ctx) {
        Object v = ctx.raw(JiraParam.VISIBILITY).orElse(null);
        if (v == null) {
            return null;
        }
        if (v instanceof JiraVisibility jv) {
            return jv.toJson();
        }
        if (v instanceof JsonNode n && n.isObject()) {
            return n;
        }
        if (v instanceof Map<?, ?> m) {
            return JiraJson.mapper().valueToTree(m);
        }
        try {
            return JiraVisibility.parse(OperationContext.asText(v)).toJson();
        } catch (IllegalArgumentException e) {
            throw ctx.invalid(e.getMessage());
        }
    }
}
