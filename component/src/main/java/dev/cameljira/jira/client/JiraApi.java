package dev.cameljira.jira.client;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraMyself;
import dev.cameljira.jira.model.JiraWebhook;
import dev.cameljira.jira.model.SearchRequest;
import dev.cameljira.jira.model.WebhookRegistration;
import dev.cameljira.jira.text.RichText;

/**
 * What the operations and consumers see of Jira: typed calls that return typed results and lazy pages (search,
 * comments, changelog, admin webhooks, the current user, Jira's clock), the resolved deployment and REST version, path
 * building, rich-text conversion (ADF for v3, wiki for v2), user references (accountId on Cloud, name on Server) and
 * the per-endpoint metadata cache. Every paged listing goes through {@link JiraPaging} and its one last-page rule.
 * Knows nothing of Camel.
 */
public final class JiraApi implements AutoCloseable {

    /** The admin webhook resource (Cloud and Data Center); no REST version in the path. */
    public static final String WEBHOOKS = "/rest/webhooks/1.0/webhook";
    /** Jira Cloud's largest page of {@code GET /issue/{key}/changelog} and {@code /comment}. */
    public static final int MAX_PAGE = 100;

    private final JiraClient client;
    private final boolean ownsClient;
    private final JiraDeployment configuredDeployment;
    private final int configuredVersion;
    private final MetadataCache cache;
    private volatile JiraDeployment deployment;
    private volatile JsonNode serverInfo;

    /**
     * @param deployment AUTO to ask serverInfo once
     * @param apiVersion 0 for auto (Cloud 3, Server 2), or 2 / 3
     */
    public JiraApi(JiraClient client, JiraDeployment deployment, int apiVersion, Duration metadataTtl) {
        this(client, true, deployment, apiVersion, metadataTtl);
    }

    /**
     * @param ownsClient whether {@link #close()} closes the client; false for a client shared by several endpoints (one
     *                   injected from the registry), which its owner closes
     * @param deployment AUTO to ask serverInfo once
     * @param apiVersion 0 for auto (Cloud 3, Server 2), or 2 / 3
     */
    public JiraApi(JiraClient client, boolean ownsClient, JiraDeployment deployment, int apiVersion, Duration metadataTtl) {
        this.ownsClient = ownsClient;
        if (apiVersion != 0 && apiVersion != 2 && apiVersion != 3) {
            throw new JiraInvalidInputException("apiVersion must be auto, 2 or 3, was " + apiVersion);
        }
        if (deployment == JiraDeployment.SERVER && apiVersion == 3) {
            throw new JiraInvalidInputException("apiVersion=3 is only available on Jira Cloud; Data Center / Server speaks REST v2");
        }
        this.client = client;
        this.configuredDeployment = deployment;
        this.configuredVersion = apiVersion;
        this.cache = new MetadataCache(metadataTtl, client.config().clock());
        if (deployment != JiraDeployment.AUTO) {
            this.deployment = deployment;
        }
    }

    public JiraClient client() {
        return client;
    }

    public MetadataCache cache() {
        return cache;
    }

    /** The deployment, asking {@code /rest/api/2/serverInfo} once when configured as auto. */
    public JiraDeployment deployment() {
        JiraDeployment d = deployment;
        if (d == null) {
            synchronized (this) {
                if (deployment == null) {
                    JsonNode info = serverInfo();
                    String type = info.path("deploymentType").asText("");
                    deployment = "Cloud".equalsIgnoreCase(type) ? JiraDeployment.CLOUD : JiraDeployment.SERVER;
                }
                d = deployment;
            }
        }
        return d;
    }

    /** {@code GET /rest/api/2/serverInfo}, cached for the life of the endpoint. */
    public JsonNode serverInfo() {
        JsonNode info = serverInfo;
        if (info == null) {
            info = client.json(JiraRequest.get("/rest/api/2/serverInfo").subject("serverInfo"));
            serverInfo = info;
        }
        return info;
    }

    public boolean isCloud() {
        return deployment() == JiraDeployment.CLOUD;
    }

    /** The REST version in use: configured, else 3 on Cloud and 2 on Server. */
    public int apiVersion() {
        if (configuredVersion != 0) {
            if (configuredVersion == 3 && deployment() == JiraDeployment.SERVER) {
                // checked on every call, not only when detecting: each message must fail clearly, none may reach /rest/api/3
                throw new JiraInvalidInputException("apiVersion=3 was configured, but " + client.config().baseUrl() + " is Jira "
                        + serverInfo().path("deploymentType").asText("Data Center / Server")
                        + ", which speaks REST v2 only: use apiVersion=auto or 2");
            }
            return configuredVersion;
        }
        return isCloud() ? 3 : 2;
    }

    /** {@code /rest/api/{version}} + path. */
    public String api(String path) {
        return "/rest/api/" + apiVersion() + path;
    }

    /** Path-segment encoding (issue keys, property keys, names). */
    public static String seg(String value) {
        return JiraClient.encode(value);
    }

    /** Rich text for the current API version: ADF for v3, a wiki string for v2. A JSON ADF doc passes through. */
    public JsonNode richText(Object text) {
        if (text == null) {
            return null;
        }
        if (text instanceof JsonNode node) {
            if (RichText.isAdf(node)) {
                if (apiVersion() == 3) {
                    return node;
                }
                return TextNode.valueOf(RichText.toPlainText(node));
            }
            if (node.isTextual()) {
                return richText(node.asText());
            }
            return node;
        }
        String s = text.toString();
        return apiVersion() == 3 ? RichText.toAdf(s) : TextNode.valueOf(RichText.toWiki(s));
    }

    /**
     * A user reference for request bodies: {@code {"accountId":...}} on Cloud, {@code {"name":...}} on Server. A value
     * containing '@' is looked up by e-mail first (cached), so routes can address users by e-mail on both.
     */
    public ObjectNode userRef(String user) {
        ObjectNode n = client.newObject();
        String id = userId(user);
        n.put(isCloud() ? "accountId" : "name", id);
        return n;
    }

    /** accountId (Cloud) or user name (Server) for an id, name or e-mail. */
    public String userId(String user) {
        if (user == null || user.isBlank()) {
            throw new JiraInvalidInputException("a user must be given as accountId (Cloud), user name (Data Center) or e-mail");
        }
        if (!user.contains("@")) {
            return user;
        }
        return cache.get("user:" + user.toLowerCase(Locale.ROOT), () -> {
            JsonNode found = isCloud()
                    ? client.json(JiraRequest.get(api("/user/search")).query("query", user).subject("user " + user))
                    : client.json(JiraRequest.get(api("/user/search")).query("username", user).subject("user " + user));
            for (JsonNode u : found) {
                if (user.equalsIgnoreCase(u.path("emailAddress").asText())) {
                    return isCloud() ? u.path("accountId").asText() : u.path("name").asText();
                }
            }
            if (found.size() == 1) {
                return isCloud() ? found.get(0).path("accountId").asText() : found.get(0).path("name").asText();
            }
            throw new JiraInvalidInputException("no Jira user with e-mail '" + user + "' is visible to the integration user");
        });
    }

    /** All fields ({@code GET /field}), cached. */
    public List<JsonNode> fields() {
        return cache.get("fields", () -> {
            List<JsonNode> list = new ArrayList<>();
            client.json(JiraRequest.get(api("/field")).subject("fields")).forEach(list::add);
            return List.copyOf(list);
        });
    }

    /**
     * Resolves a field given by id ({@code customfield_10016}, {@code summary}), key, or display name
     * ("Story Points", case-insensitive) to its id through the cached field list.
     */
    public Optional<String> fieldId(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        List<JsonNode> all = fields();
        for (JsonNode f : all) {
            if (idOrName.equals(f.path("id").asText()) || idOrName.equals(f.path("key").asText())) {
                return Optional.of(f.path("id").asText());
            }
        }
        JsonNode match = null;
        for (JsonNode f : all) {
            if (idOrName.equalsIgnoreCase(f.path("name").asText())) {
                if (match != null) {
                    throw new JiraInvalidInputException("field name '" + idOrName + "' is ambiguous: it matches "
                            + match.path("id").asText() + " and " + f.path("id").asText() + "; use the field id");
                }
                match = f;
            }
        }
        return Optional.ofNullable(match).map(f -> f.path("id").asText());
    }

    /** The field's schema ({@code schema.type}, {@code schema.custom}), or a missing node. */
    public JsonNode fieldSchema(String id) {
        for (JsonNode f : fields()) {
            if (id.equals(f.path("id").asText())) {
                return f.path("schema");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    // ---- search ------------------------------------------------------------------------------------------------

    /**
     * A JQL search as a lazy iterator of issues: the next page is requested only when the current one is consumed.
     * Cloud: {@code POST /rest/api/3/search/jql} paged by {@code nextPageToken}; Data Center: {@code POST
     * /rest/api/2/search} paged by {@code startAt}. Nothing is sent until the iterator is first asked.
     *
     * @param search           the query; null fields mean {@code *navigable}, null maxResults {@code defaultPageSize}
     * @param defaultPageSize  the page size when the request sets none
     */
    public PagedIterator<JiraIssue> search(SearchRequest search, int defaultPageSize) {
        if (search.jql() == null || search.jql().isBlank()) {
            throw new JiraInvalidInputException("a search needs a JQL query (jql)");
        }
        int pageSize = search.pageSize(defaultPageSize);
        if (pageSize < 1) {
            throw new JiraInvalidInputException("a search needs maxResults of at least 1, was " + pageSize);
        }
        List<String> fields = search.fields() == null || search.fields().isEmpty() ? List.of("*navigable") : search.fields();
        List<String> expand = search.expand() == null || search.expand().isEmpty() ? null : search.expand();
        long limit = search.limit() == null ? 0 : search.limit();
        if (isCloud()) {
            String path = api("/search/jql");
            return JiraPaging.token(token -> client.json(JiraRequest.post(path).idempotent(true).subject("search")
                            .body(client.toTree(new CloudSearch(search.jql(), pageSize, fields,
                                    expand == null ? null : String.join(",", expand), token)))),
                    page -> page.path("issues"), JiraIssue::from, pageSize, limit, JiraPaging.UNBOUNDED);
        }
        String path = api("/search");
        return JiraPaging.offset(startAt -> client.json(JiraRequest.post(path).idempotent(true).subject("search")
                        .body(client.toTree(new ServerSearch(search.jql(), startAt, pageSize, fields, expand)))),
                page -> page.path("issues"), JiraIssue::from, pageSize, limit, JiraPaging.UNBOUNDED);
    }

    /** The body of Cloud's {@code POST /search/jql}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloudSearch(String jql, int maxResults, List<String> fields, String expand, String nextPageToken) {
    }

    /** The body of Data Center's {@code POST /search}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServerSearch(String jql, int startAt, int maxResults, List<String> fields, List<String> expand) {
    }

    /**
     * Any other startAt/maxResults listing as a lazy iterator under {@link JiraPaging}'s last-page rule.
     *
     * @param request  the request of the page at a startAt (this adds no query parameters: include startAt and
     *                 maxResults)
     * @param itemsOf  the items of a page
     * @param convert  one item as a result (null skips it)
     * @param pageSize the page size asked for
     * @param limit    the most items; 0 for all
     * @param maxPages the most pages read
     */
    public <T> PagedIterator<T> pages(IntFunction<JiraRequest> request, Function<JsonNode, JsonNode> itemsOf,
                                      Function<JsonNode, T> convert, int pageSize, long limit, int maxPages) {
        return JiraPaging.offset(startAt -> client.json(request.apply(startAt)), itemsOf, convert, pageSize, limit, maxPages);
    }

    // ---- comments ------------------------------------------------------------------------------------------------

    /**
     * An issue's comments as a lazy iterator ({@code GET /issue/{key}/comment}).
     *
     * @param issue       issue key or id
     * @param newestFirst false for Jira's order (oldest first), true for {@code orderBy=-created}
     * @param pageSize    page size (Jira caps it)
     * @param limit       the most comments; 0 for all
     */
    public PagedIterator<JiraComment> comments(String issue, boolean newestFirst, int pageSize, long limit) {
        String path = api("/issue/" + seg(issue) + "/comment");
        return pages(startAt -> {
            JiraRequest r = JiraRequest.get(path).query("startAt", startAt).query("maxResults", pageSize)
                    .subject("issue " + issue);
            return newestFirst ? r.query("orderBy", "-created") : r;
        }, page -> page.path("comments"), JiraComment::from, pageSize, limit, JiraPaging.UNBOUNDED);
    }

    /** Adds a comment ({@code POST /issue/{key}/comment}); {@code text} becomes ADF on v3 and wiki markup on v2. */
    public JiraComment addComment(String issue, Object text, JsonNode visibility) {
        return JiraComment.from(client.json(JiraRequest.post(api("/issue/" + seg(issue) + "/comment"))
                .subject("issue " + issue).body(client.toTree(new CommentBody(richText(text), visibility)))));
    }

    /** Replaces a comment's text (and visibility, when given). */
    public JiraComment updateComment(String issue, String id, Object text, JsonNode visibility) {
        return JiraComment.from(client.json(JiraRequest.put(api("/issue/" + seg(issue) + "/comment/" + seg(id)))
                .subject("comment " + id + " of issue " + issue).body(client.toTree(new CommentBody(richText(text), visibility)))));
    }

    /** Deletes a comment. */
    public void deleteComment(String issue, String id) {
        client.send(JiraRequest.delete(api("/issue/" + seg(issue) + "/comment/" + seg(id)))
                .subject("comment " + id + " of issue " + issue));
    }

    /** The body of a comment write. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommentBody(JsonNode body, JsonNode visibility) {
    }

    // ---- worklogs ------------------------------------------------------------------------------------------------

    /**
     * The body of {@code POST /issue/{key}/worklog}: one of timeSpent (Jira's notation) and timeSpentSeconds, the start
     * in Jira's format, optional comment (rich text for the API version) and visibility.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorklogBody(String timeSpent, Long timeSpentSeconds, String started, JsonNode comment, JsonNode visibility) {
    }

    /** Logs work on an issue; returns Jira's answer (the created worklog). */
    public JsonNode addWorklog(String issue, WorklogBody body) {
        return client.json(JiraRequest.post(api("/issue/" + seg(issue) + "/worklog")).subject("issue " + issue)
                .body(client.toTree(body)));
    }

    // ---- changelog -----------------------------------------------------------------------------------------------

    /**
     * An issue's change history, oldest first, as a lazy iterator. Cloud pages {@code GET /issue/{key}/changelog};
     * Data Center has no changelog resource, so its history comes from {@code GET /issue/{key}?expand=changelog} in
     * one response.
     */
    public PagedIterator<ChangelogEntry> changelog(String issue, int pageSize, long limit) {
        if (isCloud()) {
            int size = Math.max(1, Math.min(MAX_PAGE, pageSize));
            return pages(startAt -> changelogRequest(issue, startAt, size), page -> page.path("values"), ChangelogEntry::from,
                    size, limit, JiraPaging.UNBOUNDED);
        }
        return new PagedIterator<>(0, ignored -> new PagedIterator.Page<>(expandedChangelog(issue), null), limit);
    }

    /** One page of Cloud's {@code GET /issue/{key}/changelog}: the histories from {@code startAt}, at most {@code max}. */
    public List<ChangelogEntry> changelogPage(String issue, int startAt, int max) {
        List<ChangelogEntry> out = new ArrayList<>();
        client.json(changelogRequest(issue, startAt, max)).path("values").forEach(h -> addEntry(h, out));
        return out;
    }

    /** The histories {@code GET /issue/{key}?expand=changelog} includes (all of them on Data Center). */
    public List<ChangelogEntry> expandedChangelog(String issue) {
        JsonNode n = client.json(JiraRequest.get(api("/issue/" + seg(issue))).query("fields", "updated")
                .query("expand", "changelog").subject("issue " + issue));
        List<ChangelogEntry> out = new ArrayList<>();
        n.path("changelog").path("histories").forEach(h -> addEntry(h, out));
        return out;
    }

    private JiraRequest changelogRequest(String issue, int startAt, int max) {
        return JiraRequest.get(api("/issue/" + seg(issue) + "/changelog")).query("startAt", startAt).query("maxResults", max)
                .subject("issue " + issue);
    }

    private static void addEntry(JsonNode h, List<ChangelogEntry> out) {
        ChangelogEntry e = ChangelogEntry.from(h);
        if (e != null) {
            out.add(e);
        }
    }

    // ---- admin webhooks ------------------------------------------------------------------------------------------

    /** Every admin webhook registration ({@code GET /rest/webhooks/1.0/webhook}). */
    public List<JiraWebhook> webhooks() {
        List<JiraWebhook> out = new ArrayList<>();
        client.json(JiraRequest.get(WEBHOOKS).subject("webhooks")).forEach(w -> {
            JiraWebhook h = JiraWebhook.from(w);
            if (h != null) {
                out.add(h);
            }
        });
        return out;
    }

    /** Registers an admin webhook; returns the registration Jira created. */
    public JiraWebhook createWebhook(WebhookRegistration registration) {
        return webhook(client.json(JiraRequest.post(WEBHOOKS).body(client.toTree(registration)).subject("webhook registration")));
    }

    /** Replaces an admin webhook registration; returns Jira's answer (null when it sent no registration back). */
    public JiraWebhook updateWebhook(String id, WebhookRegistration registration) {
        return JiraWebhook.from(client.json(JiraRequest.put(WEBHOOKS + "/" + seg(id)).body(client.toTree(registration))
                .subject("webhook " + id)));
    }

    /** Deletes an admin webhook registration. */
    public void deleteWebhook(String id) {
        client.send(JiraRequest.delete(WEBHOOKS + "/" + seg(id)).subject("webhook " + id));
    }

    private static JiraWebhook webhook(JsonNode n) {
        JiraWebhook h = JiraWebhook.from(n);
        if (h == null || h.id() == null) {
            throw new JiraException("Jira's webhook registration carries neither self nor id: cannot tell its id");
        }
        return h;
    }

    // ---- who and when --------------------------------------------------------------------------------------------

    /** The integration user ({@code GET /myself}), asked every time (its time zone may change). */
    public JiraMyself myself() {
        return JiraMyself.from(client.json(JiraRequest.get(api("/myself")).subject("myself")));
    }

    /**
     * The integration user from {@code GET /rest/api/2/myself} (every deployment has it), asked once without retries:
     * for health probes, which must answer at once.
     */
    public JiraMyself probeMyself() {
        return JiraMyself.from(client.json(JiraRequest.get("/rest/api/2/myself").subject("the current user").retries(false)));
    }

    /** Jira's current time ({@code serverInfo.serverTime}), asked now; empty when Jira does not tell it. */
    public Optional<Instant> serverTime() {
        JsonNode info = client.json(JiraRequest.get(api("/serverInfo")).subject("serverInfo"));
        OffsetDateTime t = JiraIssue.date(info.get("serverTime"));
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    /** Who the client calls Jira as, for messages: the user name, never a secret. */
    public String caller() {
        return client.config().auth().describe();
    }

    /** The client's clock (tests drive it). */
    public java.time.Clock clock() {
        return client.config().clock();
    }

    /** The base URL of Jira. */
    public String baseUrl() {
        return client.config().baseUrl();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
