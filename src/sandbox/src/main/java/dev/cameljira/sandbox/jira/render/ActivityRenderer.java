package dev.cameljira.sandbox.jira.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Attachment;
import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Comment;
import dev.cameljira.sandbox.jira.model.Worklog;
import java.util.List;

/** JSON views of comments, attachments, worklogs and change histories. */
public final class ActivityRenderer {

    private final Renderer r;

    public ActivityRenderer(Renderer renderer) {
        this.r = renderer;
    }

    public ObjectNode comment(Comment c, View view) {
        return comment(c, view, false);
    }

    /** A comment; with {@code renderedBody} (its {@code expand}) also the body as Jira's HTML. */
    public ObjectNode comment(Comment c, View view, boolean renderedBody) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issue/" + c.issueId() + "/comment/" + c.id());
        n.put("id", String.valueOf(c.id()));
        n.set("author", r.user(c.author(), view));
        n.set("body", r.richText(c.body(), view));
        if (renderedBody) {
            n.put("renderedBody", c.body() == null ? "" : c.body().html(view.baseUrl(), view.cloud()));
        }
        n.set("updateAuthor", r.user(c.updateAuthor(), view));
        n.put("created", r.time(c.created()));
        n.put("updated", r.time(c.updated()));
        if (c.visibility() != null) {
            n.set("visibility", c.visibility().deepCopy());
        }
        if (view.cloud()) {
            n.put("jsdPublic", true);
        }
        return n;
    }

    /** A page of comments: {@code {startAt, maxResults, total, comments}}. */
    public ObjectNode commentPage(List<Comment> all, int startAt, int maxResults, View view) {
        return commentPage(all, startAt, maxResults, view, false);
    }

    /** A page of comments, with {@code renderedBody} in each when asked for. */
    public ObjectNode commentPage(List<Comment> all, int startAt, int maxResults, View view, boolean renderedBody) {
        ObjectNode n = Json.object();
        n.put("startAt", startAt);
        n.put("maxResults", maxResults);
        n.put("total", all.size());
        ArrayNode arr = n.putArray("comments");
        for (int i = startAt; i < all.size() && i < startAt + maxResults; i++) {
            arr.add(comment(all.get(i), view, renderedBody));
        }
        return n;
    }

    public ObjectNode attachment(Attachment a, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/attachment/" + a.id());
        n.put("id", String.valueOf(a.id()));
        n.put("filename", a.filename());
        n.set("author", r.user(a.author(), view));
        n.put("created", r.time(a.created()));
        n.put("size", a.content().length);
        n.put("mimeType", a.mimeType());
        if (view.cloud()) {
            n.put("content", view.api() + "/attachment/content/" + a.id());
        } else {
            n.put("content", view.baseUrl() + "/secure/attachment/" + a.id() + "/"
                    + java.net.URLEncoder.encode(a.filename(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return n;
    }

    public ObjectNode worklog(Worklog w, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issue/" + w.issueId() + "/worklog/" + w.id());
        n.set("author", r.user(w.author(), view));
        n.set("updateAuthor", r.user(w.updateAuthor(), view));
        if (w.comment() != null) {
            n.set("comment", r.richText(w.comment(), view));
        }
        n.put("created", r.time(w.created()));
        n.put("updated", r.time(w.updated()));
        n.put("started", r.time(w.started()));
        n.put("timeSpent", Durations.format(w.timeSpentSeconds()));
        n.put("timeSpentSeconds", w.timeSpentSeconds());
        n.put("id", String.valueOf(w.id()));
        n.put("issueId", String.valueOf(w.issueId()));
        if (w.visibility() != null) {
            n.set("visibility", w.visibility().deepCopy());
        }
        return n;
    }

    /** A page of worklogs: {@code {startAt, maxResults, total, worklogs}}. */
    public ObjectNode worklogPage(List<Worklog> all, int startAt, int maxResults, View view) {
        ObjectNode n = Json.object();
        n.put("startAt", startAt);
        n.put("maxResults", maxResults);
        n.put("total", all.size());
        ArrayNode arr = n.putArray("worklogs");
        for (int i = startAt; i < all.size() && i < startAt + maxResults; i++) {
            arr.add(worklog(all.get(i), view));
        }
        return n;
    }

    public ObjectNode history(ChangeHistory h, View view) {
        ObjectNode n = Json.object();
        n.put("id", String.valueOf(h.id()));
        n.set("author", r.user(h.author(), view));
        n.put("created", r.time(h.created()));
        n.set("items", items(h.items(), view));
        return n;
    }

    /** Change items: {@code field, fieldtype, fieldId, from, fromString, to, toString}. */
    public ArrayNode items(List<ChangeItem> items, View view) {
        ArrayNode arr = Json.array();
        for (ChangeItem i : items) {
            ObjectNode item = arr.addObject();
            item.put("field", i.field());
            item.put("fieldtype", i.fieldType());
            if (view.cloud()) {
                item.put("fieldId", i.fieldId());
            }
            item.put("from", i.from());
            item.put("fromString", i.fromText());
            item.put("to", i.to());
            item.put("toString", i.toText());
        }
        return arr;
    }

    /** The {@code changelog} of {@code expand=changelog}: the last {@code cap} histories. */
    public ObjectNode changelogExpand(List<ChangeHistory> all, int cap, View view) {
        int from = Math.max(0, all.size() - cap);
        ObjectNode n = Json.object();
        n.put("startAt", from);
        n.put("maxResults", all.size() - from);
        n.put("total", all.size());
        ArrayNode arr = n.putArray("histories");
        for (int i = from; i < all.size(); i++) {
            arr.add(history(all.get(i), view));
        }
        return n;
    }

    /** Paged changelog ({@code GET /issue/{key}/changelog}). */
    public ObjectNode changelogPage(List<ChangeHistory> all, int startAt, int maxResults, String self, View view) {
        ObjectNode n = Json.object();
        n.put("self", self);
        n.put("maxResults", maxResults);
        n.put("startAt", startAt);
        n.put("total", all.size());
        n.put("isLast", startAt + maxResults >= all.size());
        ArrayNode arr = n.putArray("values");
        for (int i = startAt; i < all.size() && i < startAt + maxResults; i++) {
            arr.add(history(all.get(i), view));
        }
        return n;
    }
}
