package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.search.SearchService;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Endpoints whose path is a literal segment where a parameterised route ({@code /issue/{issueIdOrKey}}) would
 * otherwise read it as an id: {@code GET /issue/picker} and the issue operations of the specs that the sandbox does
 * not emulate, which answer Jira's generic 404 instead of "Issue does not exist" for an issue called "archive" or
 * "watching". (Data Center's {@code priority/page} and the other paged look-ups: {@link ReferenceDataResource}.)
 */
public final class LiteralRoutesResource {

    /** How many issues a picker section lists at most (Jira's issue picker shows a short list). */
    private static final int PICKER_LIMIT = 20;

    /**
     * Spec operations under {@code /issue/<literal>} the sandbox does not emulate: method, path below the API
     * prefix, and whether it exists on Cloud (true) or Data Center (false) or both (null).
     */
    private record Unemulated(String method, String path, Boolean cloud) {
    }

    private static final List<Unemulated> UNEMULATED = List.of(
            new Unemulated("POST", "/issue/archive", null),
            new Unemulated("PUT", "/issue/archive", true),
            new Unemulated("PUT", "/issue/unarchive", true),
            new Unemulated("GET", "/issue/limit/report", true),
            new Unemulated("POST", "/issue/properties", true),
            new Unemulated("POST", "/issue/properties/multi", true),
            new Unemulated("PUT", "/issue/properties/{propertyKey}", true),
            new Unemulated("DELETE", "/issue/properties/{propertyKey}", true));

    private final JiraContext ctx;
    private final JiraStore store;
    private final SearchService search;

    public LiteralRoutesResource(JiraContext ctx, SearchService search) {
        this.ctx = ctx;
        this.store = ctx.store();
        this.search = search;
    }

    public void register(Router router) {
        router.add("GET", Paths.API + "/issue/picker", this::picker);
        if (!store.cloud()) {
            // Jira 9 removed GET /issue/createmeta: Data Center reads "createmeta" as an issue key and answers its
            // own 404 body, which clients (go-jira, jira-cmd) take as "use the paged create-meta instead"
            router.add("GET", Paths.API + "/issue/createmeta", req -> {
                throw ApiException.of(404, "Issue Does Not Exist");
            });
        }
        for (Unemulated u : UNEMULATED) {
            if (u.cloud() == null || u.cloud() == store.cloud()) {
                router.add(u.method(), Paths.API + u.path(), LiteralRoutesResource::notEmulated);
            }
        }
    }

    /** Jira's generic 404 for a resource that does not exist, as the sandbox answers every unknown path. */
    private static ApiResponse notEmulated(ApiRequest req) {
        throw ApiException.of(404, "null for uri: " + req.view().baseUrl() + req.path());
    }

    // ---- issue picker ----------------------------------------------------------------------------------------

    /**
     * {@code GET /issue/picker?query=&currentJQL=&currentIssueKey=&currentProjectId=&showSubTasks=}: a "History Search"
     * section (the sandbox has no view history: every issue the caller can see) and, with {@code currentJQL}, a
     * "Current Search" section of the issues that query matches; both keep the issues whose key or summary
     * contains the query text.
     */
    private ApiResponse picker(ApiRequest req) {
        String query = req.query("query") == null ? "" : req.query("query").trim();
        String currentJql = req.query("currentJQL");
        String currentIssueKey = req.query("currentIssueKey");
        String currentProjectId = req.query("currentProjectId");
        boolean showSubTasks = req.boolQuery("showSubTasks", true);
        boolean showSubTaskParent = req.boolQuery("showSubTaskParent", true);
        var jql = currentJql == null || currentJql.isBlank() ? null : search.parse(currentJql);
        return store.read(() -> {
            Issue current = currentIssueKey == null ? null : store.issue(currentIssueKey).orElse(null);
            List<Issue> candidates = new ArrayList<>();
            for (Issue issue : store.issues()) {
                if (current != null && (issue == current
                        || (!showSubTaskParent && current.parentId() != null && current.parentId() == issue.id()))) {
                    continue;
                }
                if (!showSubTasks && issue.issueType().subtask()) {
                    continue;
                }
                if (currentProjectId != null && !currentProjectId.isBlank()
                        && !currentProjectId.equals(String.valueOf(issue.project().id()))) {
                    continue;
                }
                if (matchesText(issue, query)) {
                    candidates.add(issue);
                }
            }
            ObjectNode n = Json.object();
            ArrayNode sections = n.putArray("sections");
            sections.add(section("History Search", "hs", candidates, query, req));
            if (jql != null) {
                List<Issue> inJql = new ArrayList<>(search.run(jql, req.user()));
                inJql.retainAll(candidates);
                sections.add(section("Current Search", "cs", inJql, query, req));
            }
            return ApiResponse.ok(n);
        });
    }

    private static boolean matchesText(Issue issue, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return issue.key().toLowerCase(Locale.ROOT).contains(q)
                || (issue.summary() != null && issue.summary().toLowerCase(Locale.ROOT).contains(q));
    }

    private ObjectNode section(String label, String id, List<Issue> issues, String query, ApiRequest req) {
        ObjectNode s = Json.object();
        s.put("label", label);
        int shown = Math.min(issues.size(), PICKER_LIMIT);
        if (issues.isEmpty()) {
            s.put("msg", "No matching issues found");
        } else {
            s.put("sub", "Showing " + shown + " of " + issues.size() + " matching issues");
        }
        s.put("id", id);
        ArrayNode arr = s.putArray("issues");
        for (int i = 0; i < shown; i++) {
            Issue issue = issues.get(i);
            ObjectNode o = arr.addObject();
            o.put("id", issue.id());
            o.put("key", issue.key());
            o.put("keyHtml", highlight(issue.key(), query));
            o.put("img", "/secure/viewavatar?size=medium&avatarId=" + issue.issueType().avatarId() + "&avatarType=issuetype");
            o.put("summary", highlight(issue.summary(), query));
            o.put("summaryText", issue.summary());
        }
        return s;
    }

    /** HTML-escapes a text and puts every occurrence of the query (case-insensitive) in {@code <b>}, as the picker does. */
    private static String highlight(String text, String query) {
        if (text == null) {
            return "";
        }
        if (query.isEmpty()) {
            return escape(text);
        }
        Matcher m = Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(escape(text.substring(last, m.start()))).append("<b>").append(escape(m.group())).append("</b>");
            last = m.end();
        }
        return sb.append(escape(text.substring(last))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
