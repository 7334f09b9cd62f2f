package dev.cameljira.jira.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraIssueLink;
import dev.cameljira.jira.text.RichText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * linkIssues: {@code POST /issueLink}. Jira's naming is kept: the request's {@code inwardIssue} is the link's source and
 * its {@code outwardIssue} the destination, so type Blocks with inward DEMO-1 and outward DEMO-2 reads "DEMO-1 blocks
 * DEMO-2" (and "DEMO-2 is blocked by DEMO-1").
 */
public final class LinkOperations {

    private static final Logger LOG = LoggerFactory.getLogger(LinkOperations.class);

    private LinkOperations() {
    }

    /**
     * linkIssues (camel-jira: addIssueLink). Needs the link type (header CamelJiraLinkType or linkType; name such as
     * Blocks, or id), the inward issue (CamelJiraInwardIssue, or camel-jira's ParentIssueKey) and the outward issue
     * (CamelJiraOutwardIssue, or camel-jira's ChildIssueKey) — camel-jira sent its parent as inwardIssue and its child
     * as outwardIssue, and so does this. The three may also come as keys of a JSON/Map body, in this component's flat
     * form or Jira's own ({@code {"type":{"name":..},"inwardIssue":{"key":..},"outwardIssue":{"key":..}}}). An optional
     * comment (a String body, as in camel-jira, or 'comment' of a JSON body) is added by Jira to the outward issue.
     * Jira answers 201 without a body, so the link is read back from the outward issue's {@code issuelinks}: returns
     * the {@link JiraIssueLink} and sets CamelJiraLinkId. An unknown issue or link type surfaces as Jira's 404.
     */
    public static Object linkIssues(OperationContext ctx) {
        String type = name(ctx.raw(JiraParam.LINK_TYPE).orElseThrow(() -> ctx.missing(JiraParam.LINK_TYPE)));
        String inward = name(ctx.raw(JiraParam.INWARD_ISSUE).orElseThrow(() -> ctx.missing(JiraParam.INWARD_ISSUE)));
        String outward = name(ctx.raw(JiraParam.OUTWARD_ISSUE).orElseThrow(() -> ctx.missing(JiraParam.OUTWARD_ISSUE)));
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        body.set("type", IssueFields.nameOrId(type));
        body.set("inwardIssue", issueRef(api, inward));
        body.set("outwardIssue", issueRef(api, outward));
        ObjectNode comment = comment(ctx);
        if (comment != null) {
            body.set("comment", comment);
        }
        api.client().send(JiraRequest.post(api.api("/issueLink")).body(body)
                .subject("link " + type + " from " + inward + " to " + outward));
        JiraIssueLink link = readBack(api, type, inward, outward);
        ctx.setHeader(JiraConstants.LINK_ID, link.id());
        return link;
    }

    /** Finds the link on the outward issue by type and inward issue. */
    static JiraIssueLink readBack(JiraApi api, String type, String inward, String outward) {
        JsonNode issue = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, outward, "")
                .query("fields", "issuelinks"));
        String outwardKey = issue.path("key").asText(outward);
        for (JsonNode l : issue.path("fields").path("issuelinks")) {
            JsonNode t = l.path("type");
            JsonNode in = l.path("inwardIssue");
            boolean typeMatches = type.equalsIgnoreCase(t.path("name").asText()) || type.equals(t.path("id").asText());
            boolean issueMatches = inward.equalsIgnoreCase(in.path("key").asText()) || inward.equals(in.path("id").asText());
            if (typeMatches && issueMatches) {
                return JiraIssueLink.from(l, outwardKey);
            }
        }
        LOG.debug("link {} from {} to {} was created but is not listed on {}", type, inward, outward, outward);
        return new JiraIssueLink(null, type, null, null, inward, outwardKey, null);
    }

    /** Text of a flat value, or the name/key/id of Jira's object form. */
    private static String name(Object v) {
        if (v instanceof JsonNode n && n.isObject()) {
            for (String k : new String[] { "key", "name", "id" }) {
                if (n.hasNonNull(k)) {
                    return n.get(k).asText();
                }
            }
        }
        return OperationContext.asText(v).strip();
    }

    private static ObjectNode issueRef(JiraApi api, String keyOrId) {
        ObjectNode n = api.client().newObject();
        n.put(keyOrId.chars().allMatch(Character::isDigit) ? "id" : "key", keyOrId);
        return n;
    }

    /** The link comment: 'comment' of a JSON body (text, ADF or Jira's comment object), or a String body (camel-jira). */
    private static ObjectNode comment(OperationContext ctx) {
        Object text = OperationSupport.bodyComment(ctx);
        JsonNode visibility = null;
        if (text instanceof JsonNode c && c.isObject() && !RichText.isAdf(c)) {
            text = c.get("body");
            visibility = c.get("visibility");
        }
        if (OperationSupport.noText(text)) {
            return null;
        }
        ObjectNode comment = ctx.api().client().newObject();
        comment.set("body", ctx.api().richText(text));
        if (visibility != null && visibility.isObject()) {
            comment.set("visibility", visibility);
        }
        return comment;
    }
}
