package dev.cameljira.routes.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.model.AddCommentRequest;
import dev.cameljira.jira.model.CreateIssueRequest;
import dev.cameljira.jira.model.JiraAttachment;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraUser;
import dev.cameljira.jira.model.UpdateIssueRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Jira as the sync engine needs it, reached only through {@code jira:} endpoint URIs (of the component the template
 * names, so a second connection such as {@code jira-dc:} works too). Fixed URIs, so each operation keeps one endpoint
 * and its metadata cache.
 */
public final class JiraSide {
    /** Fields read per issue: what the sync maps, links and compares. */
    static final String FIELDS = "summary,status,priority,assignee,reporter,labels,issuetype,created,updated,attachment";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration USER_TTL = Duration.ofMinutes(10);

    private final ProducerTemplate producer;
    private final String component;
    private final String project;
    private final String propertyKey;
    private final Clock clock;
    private final Map<String, CachedUser> users = new ConcurrentHashMap<>();

    private record CachedUser(Optional<JiraUser> user, Instant until) {
    }

    public JiraSide(ProducerTemplate producer, String component, String project, String propertyKey, Clock clock) {
        this.producer = producer;
        this.component = component;
        this.project = project;
        this.propertyKey = propertyKey;
        this.clock = clock;
    }

    /** {@code component} is a format with one %s for the operation and ending in '?' options, e.g. jira:%s?x=y. */
    private String uri(String operation) {
        int q = operation.indexOf('?');
        String op = q < 0 ? operation : operation.substring(0, q);
        String options = q < 0 ? "" : "&" + operation.substring(q + 1);
        return String.format(component, op) + options;
    }

    private Object call(String operation, Object body, Map<String, Object> headers) {
        Exchange result = producer.request(uri(operation), e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new HashMap<>(headers));
        });
        if (result.getException() != null) {
            throw Failures.unwrap(result.getException()) instanceof RuntimeException r ? r
                    : new org.apache.camel.RuntimeCamelException(result.getException());
        }
        return result.getMessage().getBody();
    }

    /** The issue with the fields the sync needs and its changelog; empty when it does not exist. */
    public Optional<JiraIssue> read(String key) {
        try {
            return Optional.of((JiraIssue) call("getIssue?fields=" + FIELDS + "&expand=changelog", null,
                    Map.of("CamelJiraIssueKey", key)));
        } catch (RuntimeException e) {
            if (Failures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The link stored on the issue, or empty when it has none (for this system). */
    public Optional<LinkRecord> readLink(String key, String system) {
        try {
            JsonNode value = (JsonNode) call("getIssueProperty", null,
                    Map.of("CamelJiraIssueKey", key, "CamelJiraPropertyKey", propertyKey));
            return Optional.ofNullable(LinkRecord.fromJson(value, system));
        } catch (RuntimeException e) {
            if (Failures.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Stores the link on the issue. */
    public void writeLink(String key, LinkRecord link) {
        call("setIssueProperty", link.toJson(), Map.of("CamelJiraIssueKey", key, "CamelJiraPropertyKey", propertyKey));
    }

    /** The key of the issue of the project carrying {@code label}, if any (the oldest when several do). */
    public Optional<String> findByLabel(String label) {
        Object result = call("searchIssues?fields=summary&maxResults=5&limit=5", null, Map.of("CamelJiraJql",
                "project = \"" + project + "\" AND labels = \"" + label.replace("\"", "") + "\" ORDER BY created ASC"));
        if (result instanceof Iterator<?> it && it.hasNext()) {
            return Optional.of(((JiraIssue) it.next()).key());
        }
        if (result instanceof Iterable<?> list) {
            for (Object o : list) {
                return Optional.of(((JiraIssue) o).key());
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an issue and answers it: read back from Jira, or ({@code readBack} false, one request instead of two)
     * Jira's answer to the create (id, key) with the fields sent, without what Jira filled in (status, defaults).
     */
    public JiraIssue create(CreateIssueRequest request, boolean readBack) {
        if (readBack) {
            return (JiraIssue) call("createIssue", request, Map.of());
        }
        return batchedCreate(request);
    }

    /** Jira's most issues per bulk create (Cloud's documented limit; Data Center's default is higher). */
    static final int BULK_MAX = 50;

    /** A create without read-back waiting for its turn, and its outcome. */
    private static final class PendingCreate {
        final CreateIssueRequest request;
        JiraIssue issue;
        RuntimeException failure;
        boolean done;

        PendingCreate(CreateIssueRequest request) {
            this.request = request;
        }
    }

    private final Object batchLock = new Object();
    private final List<PendingCreate> queued = new ArrayList<>();
    private boolean sending;

    /**
     * Creates without read-back that arrive while another is being sent go together in one bulk request
     * ({@code bulkCreateIssues}, {@code POST /issue/bulk}, up to {@value #BULK_MAX}): when the records of a burst are
     * synced side by side, their issues cost a few requests instead of one each. A lone create is sent at once, alone,
     * as before: batching adds no wait. Each caller gets its own issue or its own error (Jira answers per item); a
     * request whose outcome is unknown fails every item in it, as a single create would.
     */
    private JiraIssue batchedCreate(CreateIssueRequest request) {
        PendingCreate mine = new PendingCreate(request);
        synchronized (batchLock) {
            queued.add(mine);
        }
        boolean interrupted = false;
        while (true) {
            List<PendingCreate> batch;
            synchronized (batchLock) {
                while (!mine.done && sending) {
                    try {
                        batchLock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        if (queued.remove(mine)) {
                            Thread.currentThread().interrupt();
                            throw new org.apache.camel.RuntimeCamelException("interrupted before creating the issue", e);
                        }
                        // already in a request being sent: its outcome is Jira's, so wait for it
                    }
                }
                if (mine.done) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return mine.issue;
                }
                sending = true;
                int n = Math.min(BULK_MAX, queued.size());
                batch = new ArrayList<>(queued.subList(0, n));
                queued.subList(0, n).clear();
            }
            RuntimeException unexpected = null;
            try {
                send(batch);
            } catch (RuntimeException e) {
                // each item's own outcome is set in send; this is for the ones it could not reach
                unexpected = e;
            } finally {
                synchronized (batchLock) {
                    for (PendingCreate p : batch) {
                        if (!p.done) {
                            p.failure = unexpected != null ? unexpected
                                    : new IllegalStateException("the bulk create ended without an answer for this issue");
                            p.done = true;
                        }
                    }
                    sending = false;
                    batchLock.notifyAll();
                }
            }
        }
    }

    /** Whether a create is on its way to Jira (for tests). */
    boolean sendingCreates() {
        synchronized (batchLock) {
            return sending;
        }
    }

    /** How many creates wait for the one on its way (for tests). */
    int queuedCreates() {
        synchronized (batchLock) {
            return queued.size();
        }
    }

    private void send(List<PendingCreate> batch) {
        if (batch.size() == 1) {
            PendingCreate p = batch.get(0);
            try {
                p.issue = (JiraIssue) call("createIssue?readBack=false", p.request, Map.of());
            } catch (RuntimeException e) {
                p.failure = e;
            }
            p.done = true;
            return;
        }
        List<CreateIssueRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request));
        dev.cameljira.jira.model.BulkCreateResult result;
        try {
            result = (dev.cameljira.jira.model.BulkCreateResult) call("bulkCreateIssues", requests, Map.of());
        } catch (RuntimeException e) {
            batch.forEach(p -> {
                p.failure = e;
                p.done = true;
            });
            return;
        }
        for (dev.cameljira.jira.model.BulkCreateResult.CreatedIssue c : result.created()) {
            PendingCreate p = batch.get(c.index());
            p.issue = c.issue();
            p.done = true;
        }
        for (dev.cameljira.jira.model.BulkCreateResult.ItemError e : result.errors()) {
            if (e.index() < 0 || e.index() >= batch.size()) {
                continue; // an error Jira did not number: the items it leaves without an outcome fail as unanswered
            }
            PendingCreate p = batch.get(e.index());
            String message = "Jira refused to create the issue (" + e.status() + "): " + e.message();
            // typed by its status as the same failure of a lone create would be
            p.failure = dev.cameljira.jira.client.JiraApiException.of(message, e.status(), "POST", "/issue/bulk",
                    e.errorMessages(), e.fieldErrors(), null);
            p.done = true;
        }
    }

    /** Changes summary, priority and / or the assignee ("none" unassigns); null values are left alone. */
    public void update(String key, String summary, String priority, String assignee) {
        UpdateIssueRequest req = UpdateIssueRequest.of(key).withValues(summary, null, assignee, priority, null, null, null,
                null);
        call("updateIssue?notifyUsers=false", req, Map.of("CamelJiraIssueKey", key));
    }

    /** Removes one label. */
    public void removeLabel(String key, String label) {
        com.fasterxml.jackson.databind.node.ObjectNode update = JSON.createObjectNode();
        update.putArray("labels").addObject().put("remove", label);
        call("updateIssue?notifyUsers=false", UpdateIssueRequest.of(key).withUpdate(update),
                Map.of("CamelJiraIssueKey", key));
    }

    /** Moves the issue to {@code status} through the transition that reaches it. */
    public JiraIssue transition(String key, String status) {
        return (JiraIssue) call("transitionIssue", null, Map.of("CamelJiraIssueKey", key, "CamelJiraTransition", status));
    }

    /** Every comment, oldest first. */
    @SuppressWarnings("unchecked")
    public List<JiraComment> comments(String key) {
        Object result = call("getComments", null, Map.of("CamelJiraIssueKey", key));
        return result == null ? List.of() : new ArrayList<>((List<JiraComment>) result);
    }

    /** Adds a comment (plain text / simple Markdown; ADF on v3, wiki on v2) and answers it. */
    public JiraComment addComment(String key, String text) {
        return (JiraComment) call("addComment", AddCommentRequest.of(key, text), Map.of("CamelJiraIssueKey", key));
    }

    /** The account id (Cloud) or user name (Data Center) of the user with this e-mail, if Jira has one. */
    public Optional<JiraUser> userByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String k = email.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        CachedUser cached = users.get(k);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.user();
        }
        @SuppressWarnings("unchecked")
        List<JiraUser> found = (List<JiraUser>) call("searchUsers?maxResults=10&limit=10", null,
                Map.of("CamelJiraQuery", email.trim()));
        Optional<JiraUser> match = found == null ? Optional.empty() : found.stream()
                .filter(u -> u.emailAddress() != null && u.emailAddress().equalsIgnoreCase(k) && u.active())
                .findFirst();
        users.put(k, new CachedUser(match, now.plus(USER_TTL)));
        return match;
    }

    /** Attachments of the issue as read with it. */
    public List<AttachmentInfo> attachments(JiraIssue issue) {
        List<AttachmentInfo> out = new ArrayList<>();
        JsonNode list = issue.fields() == null ? null : issue.fields().get("attachment");
        if (list != null && list.isArray()) {
            for (JsonNode a : list) {
                out.add(new AttachmentInfo(a.path("id").asText(), a.path("filename").asText(),
                        a.path("mimeType").asText("application/octet-stream"), a.path("size").asLong(),
                        a.path("content").asText(null)));
            }
        }
        return out;
    }

    /** Attaches a file to the issue. */
    @SuppressWarnings("unchecked")
    public List<JiraAttachment> attach(String key, String fileName, String contentType, byte[] content) {
        return (List<JiraAttachment>) call("addAttachment", content, Map.of("CamelJiraIssueKey", key,
                "CamelJiraFileName", fileName, "CamelJiraContentType", contentType));
    }

    /** The content of an attachment of the issue. */
    public byte[] download(String key, AttachmentInfo attachment) {
        Object body = call("getAttachmentContent", null, Map.of("CamelJiraIssueKey", key,
                "CamelJiraAttachmentId", attachment.id()));
        return producer.getCamelContext().getTypeConverter().convertTo(byte[].class, body);
    }

    /** Adds (or updates, by global id) the remote link that shows the ticket in Jira. */
    public void remoteLink(String key, String url, String title, String globalId, String summary) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelJiraIssueKey", key);
        h.put("CamelJiraRemoteLinkUrl", url);
        h.put("CamelJiraRemoteLinkTitle", title);
        h.put("CamelJiraRemoteLinkGlobalId", globalId);
        if (summary != null) {
            h.put("CamelJiraRemoteLinkSummary", summary);
        }
        call("addRemoteLink", null, h);
    }

    /** The time the issue's {@code field} last changed according to its changelog, or its creation time. */
    public static Instant changedAt(JiraIssue issue, String field) {
        Instant latest = null;
        for (JsonNode h : changesOf(issue, field)) {
            OffsetDateTime t = JiraIssue.date(h.get("created"));
            if (t != null && (latest == null || t.toInstant().isAfter(latest))) {
                latest = t.toInstant();
            }
        }
        if (latest != null) {
            return latest;
        }
        OffsetDateTime created = issue.created();
        return created == null ? Instant.EPOCH : created.toInstant();
    }

    /** Whether the issue's changelog (as read with it) shows a change of {@code field} since it was created. */
    public static boolean changedSinceCreation(JiraIssue issue, String field) {
        return !changesOf(issue, field).isEmpty();
    }

    /** The changelog histories (as read with the issue) with an item for {@code field}, by field name or id. */
    private static List<JsonNode> changesOf(JiraIssue issue, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode changelog = issue.changelog();
        JsonNode histories = changelog == null ? null : changelog.path("histories");
        if (histories != null && histories.isArray()) {
            for (JsonNode h : histories) {
                for (JsonNode item : h.path("items")) {
                    String f = item.path("field").asText();
                    String id = item.path("fieldId").asText(f);
                    if (f.equalsIgnoreCase(field) || id.equalsIgnoreCase(field)) {
                        out.add(h);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The JSON mapper for property values. */
    static ObjectMapper json() {
        return JSON;
    }
}
