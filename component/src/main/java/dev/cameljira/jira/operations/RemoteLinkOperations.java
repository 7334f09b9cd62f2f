package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraNotFoundException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.AddRemoteLinkRequest;
import dev.cameljira.jira.model.JiraRemoteLink;

/**
 * Remote issue links ({@code /issue/{key}/remotelink}): links from an issue to items in other systems, such as the
 * Zendesk ticket or ServiceNow incident an issue is synced with. Jira keys them by {@code globalId}: posting a link
 * whose globalId the issue already has updates that link.
 */
public final class RemoteLinkOperations {

    /** Jira's limit for a global id. */
    static final int MAX_GLOBAL_ID = 255;

    private RemoteLinkOperations() {
    }

    /**
     * addRemoteLink: {@code POST /issue/{key}/remotelink}, which creates the link or, when the issue already has a link
     * with the same globalId, replaces that link's fields (Jira's upsert; fields not given are cleared).
     *
     * <p>Needs the issue key (header CamelJiraIssueKey / IssueKey, body {@code issueKey}, or
     * {@link AddRemoteLinkRequest#issueKey()}), the URL (CamelJiraRemoteLinkUrl, body {@code url}) and the title
     * (CamelJiraRemoteLinkTitle, body {@code title}). Optional: globalId (CamelJiraRemoteLinkGlobalId), summary
     * (CamelJiraRemoteLinkSummary), relationship (CamelJiraRemoteLinkRelationship), and as body keys or typed request
     * only {@code applicationName}, {@code applicationType} and {@code iconUrl}. A JSON body may also be Jira's own
     * shape ({@code {"globalId", "application": {...}, "relationship", "object": {"url", "title", ...}}}). A missing
     * URL or title, or a globalId over 255 characters, fails before any call.
     *
     * <p>Returns the {@link JiraRemoteLink}, built from Jira's answer (its id and self) and what was sent, with no
     * second call; headers CamelJiraIssueKey and CamelJiraRemoteLinkId. With a globalId the request is an upsert and so
     * is retried like a PUT after an I/O error; without one it is a create and is not.
     */
    public static Object addRemoteLink(OperationContext ctx) {
        AddRemoteLinkRequest req = ctx.typedBody(AddRemoteLinkRequest.class).orElseGet(() -> fromMessage(ctx));
        String key = OperationSupport.blank(req.issueKey()) ? ctx.require(JiraParam.ISSUE_KEY) : req.issueKey().strip();
        if (OperationSupport.blank(req.url())) {
            throw ctx.missing(JiraParam.REMOTE_LINK_URL);
        }
        if (OperationSupport.blank(req.title())) {
            throw ctx.missing(JiraParam.REMOTE_LINK_TITLE);
        }
        String globalId = OperationSupport.blankToNull(req.globalId());
        if (globalId != null && globalId.length() > MAX_GLOBAL_ID) {
            throw ctx.invalid("the remote link's globalId is " + globalId.length() + " characters; Jira accepts at most "
                    + MAX_GLOBAL_ID);
        }
        JiraApi api = ctx.api();
        ObjectNode body = linkBody(api, req, globalId);
        JsonNode answer = api.client().json(OperationSupport.issueRequest(JiraRequest::post, api, key, "/remotelink")
                .body(body).idempotent(globalId != null).subject("remote link of issue " + key));
        ObjectNode raw = api.client().newObject();
        for (String field : List.of("id", "self")) {
            if (answer.hasNonNull(field)) {
                raw.set(field, answer.get(field));
            }
        }
        raw.setAll(body);
        JiraRemoteLink link = JiraRemoteLink.from(raw);
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.REMOTE_LINK_ID, link.id());
        return link;
    }

    /**
     * getRemoteLinks: {@code GET /issue/{key}/remotelink}. Needs the issue key; with a globalId
     * (CamelJiraRemoteLinkGlobalId, body {@code globalId}) only the link with that global id ({@code ?globalId=}, an empty
     * list when the issue has none). Returns a {@code List<JiraRemoteLink>}; headers CamelJiraIssueKey and
     * CamelJiraResultCount. An unknown issue is a JiraNotFoundException naming it.
     */
    public static Object getRemoteLinks(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        String globalId = ctx.string(JiraParam.REMOTE_LINK_GLOBAL_ID).orElse(null);
        JiraApi api = ctx.api();
        List<JiraRemoteLink> links = globalId == null ? list(api, key, null) : byGlobalId(api, key, globalId);
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.RESULT_COUNT, links.size());
        return links;
    }

    /**
     * The link with a global id. Jira answers {@code ?globalId=} with that one link, or 404 when the issue has none;
     * since a 404 is also what an unknown issue gets, the issue's list is read to tell the two apart.
     */
    private static List<JiraRemoteLink> byGlobalId(JiraApi api, String key, String globalId) {
        try {
            return list(api, key, globalId);
        } catch (JiraNotFoundException noSuchLink) {
            return list(api, key, null).stream().filter(l -> globalId.equals(l.globalId())).toList();
        }
    }

    /** Reads the links; the answer may be an array or (for {@code ?globalId=}) one object. */
    private static List<JiraRemoteLink> list(JiraApi api, String key, String globalId) {
        JsonNode n = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "/remotelink")
                .query("globalId", globalId).subject("remote links of issue " + key));
        List<JiraRemoteLink> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(l -> Optional.ofNullable(JiraRemoteLink.from(l)).ifPresent(out::add));
        } else if (n.isObject()) {
            out.add(JiraRemoteLink.from(n));
        }
        if (globalId != null) {
            out.removeIf(l -> !globalId.equals(l.globalId()));
        }
        return out;
    }

    /** Jira's request body: only what is given, so that Jira applies its own defaults to the rest. */
    private static ObjectNode linkBody(JiraApi api, AddRemoteLinkRequest req, String globalId) {
        ObjectNode body = api.client().newObject();
        put(body, "globalId", globalId);
        String appName = OperationSupport.blankToNull(req.applicationName());
        String appType = OperationSupport.blankToNull(req.applicationType());
        if (appName != null || appType != null) {
            ObjectNode application = body.putObject("application");
            put(application, "type", appType);
            put(application, "name", appName);
        }
        put(body, "relationship", OperationSupport.blankToNull(req.relationship()));
        ObjectNode object = body.putObject("object");
        object.put("url", req.url().strip());
        object.put("title", req.title());
        put(object, "summary", OperationSupport.blankToNull(req.summary()));
        String icon = OperationSupport.blankToNull(req.iconUrl());
        if (icon != null) {
            object.putObject("icon").put("url16x16", icon.strip());
        }
        return body;
    }

    private static void put(ObjectNode target, String field, String value) {
        if (value != null) {
            target.put(field, value);
        }
    }

    /**
     * An AddRemoteLinkRequest from a JSON/Map body and headers. Flat body keys ({@code url, title, globalId, summary,
     * relationship, applicationName, applicationType, iconUrl}) or Jira's nested shape ({@code object.url},
     * {@code application.name}, ...) in the body win over the headers.
     */
    private static AddRemoteLinkRequest fromMessage(OperationContext ctx) {
        ObjectNode body = ctx.bodyObject();
        JsonNode object = body == null ? null : body.get("object");
        JsonNode application = body == null ? null : body.get("application");
        Function<JiraParam, String> value = p -> ctx.string(p).orElse(null);
        return new AddRemoteLinkRequest(
                ctx.string(JiraParam.ISSUE_KEY).orElse(null),
                nested(object, "url").orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_URL)),
                nested(object, "title").orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_TITLE)),
                value.apply(JiraParam.REMOTE_LINK_GLOBAL_ID),
                nested(object, "summary").orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_SUMMARY)),
                value.apply(JiraParam.REMOTE_LINK_RELATIONSHIP),
                nested(application, "name").orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_APPLICATION_NAME)),
                nested(application, "type").orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_APPLICATION_TYPE)),
                nested(object == null ? null : object.get("icon"), "url16x16")
                        .orElseGet(() -> value.apply(JiraParam.REMOTE_LINK_ICON_URL)));
    }

    private static Optional<String> nested(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return Optional.empty();
        }
        JsonNode v = parent.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }
}
