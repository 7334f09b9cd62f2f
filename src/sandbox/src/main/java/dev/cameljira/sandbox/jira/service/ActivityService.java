package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.Attachment;
import dev.cameljira.sandbox.jira.model.ChangeHistory;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueLink;
import dev.cameljira.sandbox.jira.model.LinkType;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Worklog;
import dev.cameljira.sandbox.jira.store.JiraStore;
import dev.cameljira.sandbox.webhook.WebhookPayloads;
import java.time.Instant;
import java.util.List;

/**
 * Attachments, issue links and worklogs: each change records a history on the issue(s), moves {@code updated} and
 * fires the matching webhook events. Methods take the write lock themselves unless named {@code ...Locked}.
 */
public final class ActivityService {

    private final JiraStore store;
    private final History history;
    private final EventPublisher events;
    private final WebhookPayloads payloads;

    public ActivityService(JiraStore store, History history, EventPublisher events, WebhookPayloads payloads) {
        this.store = store;
        this.history = history;
        this.events = events;
        this.payloads = payloads;
    }

    private void issueUpdated(Issue issue, String typeName, User actor, List<ChangeItem> items) {
        ChangeHistory h = history.record(issue, items, actor, store.now());
        events.publish("jira:issue_updated", issue, () -> payloads.issue("jira:issue_updated", typeName, issue, actor,
                h == null ? null : h.id(), h == null ? List.of() : h.items(), null));
    }

    // ---- attachments -----------------------------------------------------------------------------------------

    /** Adds an attachment (call under the write lock). */
    public Attachment attachLocked(Issue issue, String filename, String mimeType, byte[] content, User actor) {
        Attachment a = new Attachment(store.nextAttachmentId(), issue.id(), filename,
                mimeType == null ? "application/octet-stream" : mimeType, content, actor, store.now());
        issue.attachments().add(a);
        store.addAttachment(a);
        issueUpdated(issue, "issue_updated", actor,
                List.of(new ChangeItem("Attachment", "jira", "attachment", null, null, String.valueOf(a.id()), filename)));
        return a;
    }

    /** Deletes an attachment. */
    public void deleteAttachment(long id, User actor) {
        store.write(() -> {
            Attachment a = store.attachment(id).orElseThrow(() -> ApiException.of(404,
                    "The attachment with id '" + id + "' does not exist."));
            Issue issue = store.issue(a.issueId()).orElseThrow(ApiException::issueNotFound);
            if (!actor.admin() && !actor.equals(a.author())) {
                throw ApiException.of(403, "You do not have permission to delete this attachment.");
            }
            issue.attachments().remove(a);
            store.removeAttachment(id);
            issueUpdated(issue, "issue_updated", actor, List.of(new ChangeItem("Attachment", "jira", "attachment",
                    String.valueOf(a.id()), a.filename(), null, null)));
            return null;
        });
    }

    // ---- links -----------------------------------------------------------------------------------------------

    /** Links two issues: {@code inward} is the source ("inward blocks outward"). */
    public IssueLink link(String typeRef, String inwardRef, String outwardRef, JsonNode comment, int apiVersion,
            CommentService comments, User actor) {
        return store.write(() -> {
            LinkType type = store.catalog().linkType(typeRef).orElseThrow(() -> ApiException.of(404,
                    "No issue link type with name '" + typeRef + "' found."));
            Issue source = store.requireIssue(inwardRef);
            Issue destination = store.requireIssue(outwardRef);
            if (source == destination) {
                throw ApiException.of(400, "You cannot link an issue to itself.");
            }
            IssueLink link = new IssueLink(store.nextLinkId(), type, source.id(), destination.id());
            store.addLink(link);
            events.publish("issuelink_created", source, () -> payloads.link("issuelink_created", link));
            issueUpdated(source, "issue_updated", actor, List.of(new ChangeItem("Link", "jira", "issuelinks", null, null,
                    destination.key(), "This issue " + type.outward() + " " + destination.key())));
            issueUpdated(destination, "issue_updated", actor, List.of(new ChangeItem("Link", "jira", "issuelinks", null, null,
                    source.key(), "This issue " + type.inward() + " " + source.key())));
            if (comment != null && comment.isObject() && comment.has("body")) {
                comments.add(destination, comments.body(comment.get("body"), apiVersion), comment.get("visibility"), actor);
            }
            return link;
        });
    }

    /** Deletes a link. */
    public void unlink(long id, User actor) {
        store.write(() -> {
            IssueLink link = store.link(id).orElseThrow(() -> ApiException.of(404,
                    "No issue link with id '" + id + "' exists."));
            Issue source = store.issue(link.sourceIssueId()).orElseThrow();
            Issue destination = store.issue(link.destinationIssueId()).orElseThrow();
            store.removeLink(id);
            events.publish("issuelink_deleted", source, () -> payloads.link("issuelink_deleted", link));
            issueUpdated(source, "issue_updated", actor, List.of(new ChangeItem("Link", "jira", "issuelinks",
                    destination.key(), "This issue " + link.type().outward() + " " + destination.key(), null, null)));
            issueUpdated(destination, "issue_updated", actor, List.of(new ChangeItem("Link", "jira", "issuelinks",
                    source.key(), "This issue " + link.type().inward() + " " + source.key(), null, null)));
            return null;
        });
    }

    // ---- worklogs --------------------------------------------------------------------------------------------

    /** Logs work (call under the write lock). */
    public Worklog logWorkLocked(Issue issue, Instant started, long seconds, RichText comment, JsonNode visibility, User actor) {
        long before = issue.timeSpentSeconds();
        Worklog w = new Worklog(store.nextWorklogId(), issue.id(), actor, store.now(), started, seconds, comment,
                visibility == null || visibility.isNull() ? null : visibility.deepCopy());
        issue.worklogs().add(w);
        events.publish("worklog_created", issue, () -> payloads.worklog("worklog_created", w));
        issueUpdated(issue, "issue_work_logged", actor, List.of(
                ChangeItem.jira("timespent", nullIfZero(before), nullIfZero(before), String.valueOf(issue.timeSpentSeconds()),
                        String.valueOf(issue.timeSpentSeconds())),
                new ChangeItem("WorklogId", "jira", "worklogId", null, null, String.valueOf(w.id()), String.valueOf(w.id()))));
        return w;
    }

    /** Edits a worklog (call under the write lock). */
    public Worklog editWorklogLocked(Issue issue, Worklog w, Instant started, Long seconds, RichText comment, User actor) {
        long before = issue.timeSpentSeconds();
        w.edit(started, seconds, comment, actor, store.now());
        events.publish("worklog_updated", issue, () -> payloads.worklog("worklog_updated", w));
        issueUpdated(issue, "issue_worklog_updated", actor, before == issue.timeSpentSeconds() ? List.of()
                : List.of(ChangeItem.jira("timespent", String.valueOf(before), String.valueOf(before),
                        String.valueOf(issue.timeSpentSeconds()), String.valueOf(issue.timeSpentSeconds()))));
        return w;
    }

    /** Deletes a worklog (call under the write lock). */
    public void deleteWorklogLocked(Issue issue, Worklog w, User actor) {
        long before = issue.timeSpentSeconds();
        issue.worklogs().remove(w);
        store.worklogDeleted(w);
        events.publish("worklog_deleted", issue, () -> payloads.worklog("worklog_deleted", w));
        issueUpdated(issue, "issue_worklog_deleted", actor, List.of(
                ChangeItem.jira("timespent", String.valueOf(before), String.valueOf(before),
                        nullIfZero(issue.timeSpentSeconds()), nullIfZero(issue.timeSpentSeconds())),
                new ChangeItem("WorklogId", "jira", "worklogId", String.valueOf(w.id()), String.valueOf(w.id()), null, null)));
    }

    private static String nullIfZero(long seconds) {
        return seconds == 0 ? null : String.valueOf(seconds);
    }
}
