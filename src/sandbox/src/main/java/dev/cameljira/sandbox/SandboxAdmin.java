package dev.cameljira.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.render.FieldSelection;
import dev.cameljira.sandbox.jira.render.IssueRenderer;
import dev.cameljira.sandbox.jira.render.View;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.webhook.WebhookDelivery;
import dev.cameljira.sandbox.webhook.WebhookDispatcher;
import dev.cameljira.sandbox.webhook.WebhookRegistration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's back door (a Java API, not HTTP): seeding, fault injection and inspection. Seeding methods act as
 * the admin user and behave exactly like the REST API: timestamps move, the changelog grows, webhooks fire. They
 * take REST v2 values (description and comment bodies are plain/wiki strings).
 */
public final class SandboxAdmin {

    private final JiraContext ctx;
    private final Faults faults;
    private final RequestJournal journal;
    private final List<String> violations;
    private final WebhookDispatcher webhooks;

    SandboxAdmin(JiraContext ctx, Faults faults, RequestJournal journal, List<String> violations, WebhookDispatcher webhooks) {
        this.ctx = ctx;
        this.faults = faults;
        this.journal = journal;
        this.violations = violations;
        this.webhooks = webhooks;
    }

    private User admin() {
        return ctx.store().user(SandboxUsers.ADMIN_ACCOUNT_ID).orElseThrow();
    }

    private View view() {
        return new View(ctx.store().baseUrl(), ctx.store().cloud() ? 3 : 2, ctx.store().cloud());
    }

    // ---- faults and inspection -------------------------------------------------------------------------------

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** Every exchange received (including faulted and dropped ones; status 0 = no response), oldest first. */
    public List<HttpExchangeRecord> requests() {
        return journal.all();
    }

    /** Forgets the recorded exchanges. */
    public void clearRequests() {
        journal.clear();
    }

    /** Spec violations found so far (only when the sandbox was built with {@code validateAgainstSpec(true)}). */
    public List<String> specViolations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Forgets the recorded spec violations. */
    public void clearSpecViolations() {
        violations.clear();
    }

    /** An issue as {@code GET /rest/api/3/issue/{key}?expand=changelog} (Cloud) or {@code /rest/api/2/...} (Server) returns it. */
    public JsonNode issue(String key) {
        return ctx.store().read(() -> {
            Issue issue = ctx.store().issue(key).orElseThrow(() -> new IllegalArgumentException("No issue " + key));
            return ctx.issues().issue(issue, view(), FieldSelection.ALL, Set.of("changelog"), IssueRenderer.RenderOptions.FULL)
                    .deepCopy();
        });
    }

    /** Number of issues in the sandbox. */
    public int issueCount() {
        return ctx.store().read(() -> ctx.store().issueCount());
    }

    /** Registered admin webhooks. */
    public List<WebhookRegistration> webhooks() {
        return webhooks.registry().all();
    }

    /** Webhook delivery attempts so far (first tries, retries and duplicates), in order. */
    public List<WebhookDelivery> deliveries() {
        return webhooks.deliveries();
    }

    /** Forgets the recorded deliveries. */
    public void clearDeliveries() {
        webhooks.clearDeliveries();
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    /** Creates an issue as the admin; returns its key. */
    public String createIssue(String projectKey, String issueType, String summary) {
        return createIssue(projectKey, issueType, summary, Map.of());
    }

    /**
     * Creates an issue with extra fields (REST v2 values: {@code "description" -> "text"},
     * {@code "labels" -> List.of("a")}, {@code "priority" -> Map.of("name", "High")}, {@code "customfield_10016" -> 5});
     * returns its key. Invalid values throw {@link IllegalArgumentException} with Jira's message.
     */
    public String createIssue(String projectKey, String issueType, String summary, Map<String, ?> fields) {
        ObjectNode body = Json.object();
        ObjectNode f = body.putObject("fields");
        f.putObject("project").put("key", projectKey);
        f.putObject("issuetype").put("name", issueType);
        f.put("summary", summary);
        fields.forEach((k, v) -> f.set(k, Json.MAPPER.valueToTree(v)));
        return call(() -> ctx.issueService().create(body, 2, admin()).key());
    }

    /** Adds a comment (wiki text) as the admin; returns the comment id. */
    public String addComment(String key, String text) {
        return call(() -> ctx.store().write(() -> {
            Issue issue = ctx.store().requireIssue(key);
            return String.valueOf(ctx.comments().add(issue, ctx.comments().body(Json.MAPPER.valueToTree(text), 2), null, admin()).id());
        }));
    }

    /** Edits fields (REST v2 values) as the admin, like {@code PUT /issue/{key}} with {@code fields}. */
    public void updateIssue(String key, Map<String, ?> fields) {
        ObjectNode body = Json.object();
        ObjectNode f = body.putObject("fields");
        fields.forEach((k, v) -> f.set(k, Json.MAPPER.valueToTree(v)));
        call(() -> {
            ctx.issueService().edit(key, body, 2, admin());
            return null;
        });
    }

    /**
     * Changes the workflow so that new issues start in {@code statusName} (To Do by default), as a Jira admin editing
     * the workflow's first status would: issues created from now on start there, with no changelog entry.
     */
    public void startNewIssuesIn(String statusName) {
        ctx.store().initialStatus(ctx.store().catalog().status(statusName)
                .orElseThrow(() -> new IllegalArgumentException("no status " + statusName)));
    }

    /** Moves an issue to a status (by name) through the workflow transition that leads there, as the admin. */
    public void transition(String key, String statusName) {
        call(() -> {
            ctx.issueService().transitionTo(key, statusName, admin());
            return null;
        });
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            List<String> parts = new ArrayList<>(e.errorMessages());
            e.errors().forEach((k, v) -> parts.add(k + ": " + v));
            throw new IllegalArgumentException("Jira rejected it (" + e.status() + "): " + String.join("; ", parts), e);
        }
    }

    static List<String> newViolationList() {
        return Collections.synchronizedList(new ArrayList<>());
    }
}
