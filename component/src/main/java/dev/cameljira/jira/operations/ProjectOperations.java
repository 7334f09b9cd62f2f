package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraPaging;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.PagedIterator;
import dev.cameljira.jira.model.CreateProjectRequest;
import dev.cameljira.jira.model.JiraMyself;
import dev.cameljira.jira.model.JiraProject;
import dev.cameljira.jira.model.JiraUser;
import dev.cameljira.jira.model.UpdateProjectRequest;

/**
 * Project operations: create, get, update, delete and search. Results are {@link JiraProject}s with the headers
 * CamelJiraProjectKey and CamelJiraProjectId set.
 *
 * <p>Project keys are checked before any call to Jira against Jira Cloud's rule, which is also Data Center's default
 * maximum length: an uppercase letter followed by 1 to 9 uppercase letters or digits ({@code OPS}, {@code TEAM42}).
 * Data Center's default key pattern ({@code [A-Z][A-Z]+}) is stricter (letters only) and configurable by an
 * administrator; a key it rejects comes back as Jira's 400 naming the key.
 */
public final class ProjectOperations {

    /** Cloud's rule for project keys: an uppercase letter, then 1-9 uppercase letters or digits. */
    static final Pattern KEY_PATTERN = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    static final Set<String> PROJECT_TYPES = Set.of("software", "business", "service_desk");
    static final Set<String> ASSIGNEE_TYPES = Set.of("PROJECT_LEAD", "UNASSIGNED");
    static final String DEFAULT_PROJECT_TYPE = "software";
    /** {@code orderBy} values of Cloud's GET /project/search. */
    static final Set<String> CLOUD_ORDER_BY = Set.of("category", "key", "name", "owner", "issueCount", "lastIssueUpdatedDate",
            "archivedDate", "deletedDate");
    /** {@code orderBy} values applied client-side on Data Center. */
    static final Set<String> SERVER_ORDER_BY = Set.of("key", "name");
    /** Cloud's largest page of GET /project/search. */
    static final int CLOUD_MAX_PAGE = 100;
    static final String ADMINISTER_JIRA = "the 'Administer Jira' global permission (membership of jira-administrators)";

    private ProjectOperations() {
    }

    // ---- createProject ----

    /**
     * createProject. Needs the key (CamelJiraProjectKey, body {@code key}) and name (CamelJiraProjectName, body
     * {@code name}); optional projectTypeKey (default software), lead (accountId, user name or e-mail; default the
     * authenticated user, from {@code GET /myself}), description, assigneeType and projectTemplateKey. Takes a
     * {@link CreateProjectRequest}, a JSON/Map body or headers. Sends {@code leadAccountId} on Cloud and {@code lead} (user
     * name) on Data Center. Needs the Administer Jira global permission: a 403 becomes a {@link JiraPermissionException}
     * saying so. Returns the created project read back from Jira.
     */
    public static Object createProject(OperationContext ctx) {
        CreateProjectRequest req = validate(ctx, ctx.typedBody(CreateProjectRequest.class).orElseGet(() -> createRequest(ctx)));
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        body.put("key", req.key());
        body.put("name", req.name());
        body.put("projectTypeKey", req.projectTypeKey());
        putLead(api, body, req.lead() != null ? api.userId(req.lead()) : currentUserId(api));
        putIfPresent(body, "description", req.description());
        putIfPresent(body, "assigneeType", req.assigneeType());
        putIfPresent(body, "projectTemplateKey", req.projectTemplateKey());
        JsonNode created;
        try {
            created = api.client().json(JiraRequest.post(api.api("/project")).body(body).subject("project " + req.key()));
        } catch (JiraPermissionException e) {
            throw refused(e, "createProject could not create project " + req.key(), ADMINISTER_JIRA);
        }
        JiraProject project = fetch(api, created.path("key").asText(req.key()), null);
        setHeaders(ctx, project);
        return project;
    }

    static CreateProjectRequest createRequest(OperationContext ctx) {
        return new CreateProjectRequest(ctx.string(JiraParam.PROJECT).orElse(null), ctx.string(JiraParam.PROJECT_NAME).orElse(null),
                ctx.string(JiraParam.PROJECT_TYPE_KEY).orElse(null), ctx.string(JiraParam.PROJECT_LEAD).orElse(null),
                ctx.string(JiraParam.DESCRIPTION).orElse(null), ctx.string(JiraParam.ASSIGNEE_TYPE).orElse(null),
                ctx.string(JiraParam.PROJECT_TEMPLATE_KEY).orElse(null));
    }

    /** Checks a create request and fills in defaults; fails before any HTTP call. */
    static CreateProjectRequest validate(OperationContext ctx, CreateProjectRequest req) {
        String key = OperationSupport.blankToNull(req.key());
        if (key == null) {
            throw ctx.missing(JiraParam.PROJECT);
        }
        checkKey(ctx, key);
        String name = OperationSupport.blankToNull(req.name());
        if (name == null) {
            throw ctx.missing(JiraParam.PROJECT_NAME);
        }
        String type = OperationSupport.blankToNull(req.projectTypeKey());
        type = type == null ? DEFAULT_PROJECT_TYPE : type.trim().toLowerCase(Locale.ROOT);
        if (!PROJECT_TYPES.contains(type)) {
            throw ctx.invalid("projectTypeKey must be one of software, business or service_desk, was '" + req.projectTypeKey() + "'");
        }
        return new CreateProjectRequest(key, name.trim(), type, OperationSupport.blankToNull(req.lead()),
                OperationSupport.blankToNull(req.description()), assigneeType(ctx, req.assigneeType()),
                OperationSupport.blankToNull(req.projectTemplateKey()));
    }

    static void checkKey(OperationContext ctx, String key) {
        if (!KEY_PATTERN.matcher(key).matches()) {
            throw ctx.invalid("the project key '" + key + "' is not valid: a project key is 2 to 10 characters, an uppercase"
                              + " letter (A-Z) followed by uppercase letters or digits, e.g. 'OPS' or 'TEAM42'");
        }
    }

    private static String assigneeType(OperationContext ctx, String value) {
        String v = OperationSupport.blankToNull(value);
        if (v == null) {
            return null;
        }
        String upper = v.trim().toUpperCase(Locale.ROOT);
        if (!ASSIGNEE_TYPES.contains(upper)) {
            throw ctx.invalid("assigneeType must be PROJECT_LEAD or UNASSIGNED, was '" + value + "'");
        }
        return upper;
    }

    /** accountId (Cloud) or user name (Data Center) of the user the endpoint authenticates as, cached. */
    static String currentUserId(JiraApi api) {
        JiraMyself me = api.cache().get("myself", api::myself);
        JiraUser user = me == null ? null : me.user();
        String id = user == null ? null : api.isCloud() ? user.accountId() : user.name();
        return id == null ? "" : id;
    }

    private static void putLead(JiraApi api, ObjectNode body, String leadId) {
        body.put(api.isCloud() ? "leadAccountId" : "lead", leadId);
    }

    // ---- getProject ----

    /**
     * getProject. Needs the project key or id (CamelJiraProjectKey, body {@code key}, or the projectKey option); honours
     * the expand option. Returns the {@link JiraProject}; a project that does not exist (or that the user cannot see)
     * fails with JiraNotFoundException naming it.
     */
    public static Object getProject(OperationContext ctx) {
        String key = ctx.require(JiraParam.PROJECT).trim();
        JiraProject project = fetch(ctx.api(), key, ctx.string(JiraParam.EXPAND).orElse(null));
        setHeaders(ctx, project);
        return project;
    }

    static JiraProject fetch(JiraApi api, String keyOrId, String expand) {
        JsonNode n = api.client().json(JiraRequest.get(api.api("/project/" + JiraApi.seg(keyOrId))).query("expand", expand)
                .subject("project " + keyOrId));
        return JiraProject.from(n);
    }

    // ---- updateProject ----

    /**
     * updateProject: {@code PUT /project/{key}}. Needs the project key or id and at least one of name
     * (CamelJiraProjectName), description (CamelJiraDescription), lead (CamelJiraProjectLead: accountId, user name or
     * e-mail), assigneeType or url; takes an {@link UpdateProjectRequest}, a JSON/Map body or headers. Needs Administer
     * Jira or Administer Projects. Returns the updated {@link JiraProject}.
     */
    public static Object updateProject(OperationContext ctx) {
        UpdateProjectRequest req = ctx.typedBody(UpdateProjectRequest.class).orElseGet(() -> updateRequest(ctx));
        String key = OperationSupport.blankToNull(req.key());
        if (key == null) {
            throw ctx.missing(JiraParam.PROJECT);
        }
        String assigneeType = assigneeType(ctx, req.assigneeType());
        if (OperationSupport.blank(req.name()) && req.description() == null && OperationSupport.blank(req.lead())
            && assigneeType == null && req.url() == null) {
            throw ctx.invalid("nothing to change in project " + key + ": give at least one of the name ("
                              + JiraConstants.PROJECT_NAME + "), description (" + JiraConstants.DESCRIPTION + "), lead ("
                              + JiraConstants.PROJECT_LEAD + "), assigneeType or url");
        }
        JiraApi api = ctx.api();
        ObjectNode body = api.client().newObject();
        putIfPresent(body, "name", OperationSupport.blankToNull(req.name()));
        if (req.description() != null) {
            body.put("description", req.description());
        }
        if (!OperationSupport.blank(req.lead())) {
            putLead(api, body, api.userId(req.lead().trim()));
        }
        putIfPresent(body, "assigneeType", assigneeType);
        if (req.url() != null) {
            body.put("url", req.url());
        }
        JsonNode updated;
        try {
            updated = api.client().json(JiraRequest.put(api.api("/project/" + JiraApi.seg(key))).body(body)
                    .subject("project " + key));
        } catch (JiraPermissionException e) {
            throw refused(e, "updateProject could not change project " + key,
                    "the 'Administer Projects' permission of the project or " + ADMINISTER_JIRA);
        }
        JiraProject project = updated.isObject() && updated.hasNonNull("key") ? JiraProject.from(updated) : fetch(api, key, null);
        setHeaders(ctx, project);
        return project;
    }

    static UpdateProjectRequest updateRequest(OperationContext ctx) {
        return new UpdateProjectRequest(ctx.string(JiraParam.PROJECT).orElse(null), ctx.string(JiraParam.PROJECT_NAME).orElse(null),
                ctx.string(JiraParam.DESCRIPTION).orElse(null), ctx.string(JiraParam.PROJECT_LEAD).orElse(null),
                ctx.string(JiraParam.ASSIGNEE_TYPE).orElse(null), ctx.string(JiraParam.PROJECT_URL).orElse(null));
    }

    // ---- deleteProject ----

    /**
     * deleteProject: {@code DELETE /project/{key}}. Needs the project key or id. On Jira Cloud the project goes to the
     * recycle bin (Jira's default) unless enableUndo is false (CamelJiraEnableUndo, body {@code enableUndo}), which
     * deletes it for good; Data Center always deletes for good, so enableUndo=true is refused there. Needs Administer
     * Jira. Returns the key (or id) it was given and sets CamelJiraProjectKey.
     */
    public static Object deleteProject(OperationContext ctx) {
        String key = ctx.require(JiraParam.PROJECT).trim();
        Boolean enableUndo = ctx.bool(JiraParam.ENABLE_UNDO).orElse(null);
        JiraApi api = ctx.api();
        if (!api.isCloud() && Boolean.TRUE.equals(enableUndo)) {
            throw ctx.invalid("enableUndo=true needs Jira Cloud's recycle bin; Jira Data Center deletes project " + key
                              + " permanently (archive it in Jira instead, or leave enableUndo unset)");
        }
        JiraRequest request = JiraRequest.delete(api.api("/project/" + JiraApi.seg(key))).subject("project " + key);
        if (api.isCloud()) {
            request.query("enableUndo", enableUndo);
        }
        try {
            api.client().send(request);
        } catch (JiraPermissionException e) {
            throw refused(e, "deleteProject could not delete project " + key, ADMINISTER_JIRA);
        }
        api.cache().invalidatePrefix(LookupOperations.createMetaCacheKey(key, ""));
        ctx.setHeader(JiraConstants.PROJECT_KEY, key);
        return key;
    }

    // ---- searchProjects ----

    /**
     * searchProjects: the projects visible to the user as a lazy {@link PagedIterator} of {@link JiraProject}, optionally
     * filtered by a text matched against key and name (CamelJiraQuery, body {@code query}) and by project type
     * (CamelJiraProjectTypeKey, comma-separated), ordered by orderBy (CamelJiraOrderBy; default key). Page size is the
     * maxResults option (at most 100 on Cloud), the total is capped by the limit option.
     *
     * <p>Cloud: {@code GET /rest/api/3/project/search} page by page. Data Center 10.3 has no project search: it lists
     * {@code GET /rest/api/2/project} in one call and filters (case-insensitive substring of key or name), type-filters
     * and sorts (key or name only) here. The deprecated Cloud {@code GET /rest/api/3/project} is never used.
     */
    public static Object searchProjects(OperationContext ctx) {
        String query = ctx.string(JiraParam.QUERY).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String typeKey = ctx.string(JiraParam.PROJECT_TYPE_KEY).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        List<String> types = typeKey == null ? List.of() : SearchOperations.split(typeKey.toLowerCase(Locale.ROOT));
        for (String t : types) {
            if (!PROJECT_TYPES.contains(t)) {
                throw ctx.invalid("project type '" + t + "' is not one of software, business or service_desk");
            }
        }
        String orderBy = ctx.string(JiraParam.ORDER_BY).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (orderBy != null && !CLOUD_ORDER_BY.contains(orderField(orderBy))) {
            throw ctx.invalid("orderBy '" + orderBy + "' is not supported: use one of " + String.join(", ", new java.util.TreeSet<>(CLOUD_ORDER_BY))
                              + ", optionally prefixed with - (descending) or + (ascending)");
        }
        String expand = ctx.string(JiraParam.EXPAND).orElse(null);
        OperationSupport.Paging paging = OperationSupport.paging(ctx);
        long limit = paging.limit();
        JiraApi api = ctx.api();
        PagedIterator<JiraProject> it;
        if (api.isCloud()) {
            int page = (int) Math.min(Math.min(paging.pageSize(), CLOUD_MAX_PAGE), limit > 0 ? limit : Integer.MAX_VALUE);
            String typeFilter = types.isEmpty() ? null : String.join(",", types);
            it = api.pages(startAt -> cloudPage(api, query, typeFilter, orderBy, expand, page, startAt),
                    p -> p.path("values"), JiraProject::from, page, limit, JiraPaging.UNBOUNDED);
        } else {
            if (orderBy != null && !SERVER_ORDER_BY.contains(orderField(orderBy))) {
                throw ctx.invalid("orderBy '" + orderBy + "' is not available on Jira Data Center, which has no project search;"
                                  + " use key or name (optionally prefixed with - or +)");
            }
            it = new PagedIterator<>(0, ignored -> serverList(api, query, types, orderBy, expand), limit);
        }
        it.hasNext();
        return it;
    }

    private static JiraRequest cloudPage(JiraApi api, String query, String typeKey, String orderBy, String expand,
                                         int pageSize, int startAt) {
        return JiraRequest.get(api.api("/project/search")).query("startAt", startAt)
                .query("maxResults", pageSize).query("query", query).query("typeKey", typeKey).query("orderBy", orderBy)
                .query("expand", expand).subject("project search");
    }

    private static PagedIterator.Page<JiraProject> serverList(JiraApi api, String query, List<String> types, String orderBy,
                                                             String expand) {
        JsonNode all = api.client().json(JiraRequest.get(api.api("/project")).query("expand", expand).subject("projects"));
        String q = query == null ? null : query.toLowerCase(Locale.ROOT);
        List<JiraProject> items = new ArrayList<>();
        for (JsonNode n : all) {
            JiraProject p = JiraProject.from(n);
            if (p == null) {
                continue;
            }
            boolean textMatch = q == null || contains(p.key(), q) || contains(p.name(), q);
            boolean typeMatch = types.isEmpty() || (p.projectTypeKey() != null && types.contains(p.projectTypeKey()));
            if (textMatch && typeMatch) {
                items.add(p);
            }
        }
        items.sort(order(orderBy));
        return new PagedIterator.Page<>(items, null);
    }

    private static Comparator<JiraProject> order(String orderBy) {
        String field = orderBy == null ? "key" : orderField(orderBy);
        Comparator<JiraProject> c = "name".equals(field)
                ? Comparator.comparing(p -> p.name() == null ? "" : p.name(), String.CASE_INSENSITIVE_ORDER)
                : Comparator.comparing(p -> p.key() == null ? "" : p.key());
        return orderBy != null && orderBy.startsWith("-") ? c.reversed() : c;
    }

    private static String orderField(String orderBy) {
        return orderBy.startsWith("-") || orderBy.startsWith("+") ? orderBy.substring(1) : orderBy;
    }

    private static boolean contains(String value, String lowerQuery) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    // ---- shared ----

    private static void setHeaders(OperationContext ctx, JiraProject project) {
        ctx.setHeader(JiraConstants.PROJECT_KEY, project.key());
        ctx.setHeader(JiraConstants.PROJECT_ID, project.id());
    }

    /** A 403 re-thrown with what the operation needs, keeping Jira's status, messages and URL. */
    static JiraPermissionException refused(JiraPermissionException e, String what, String needs) {
        JiraPermissionException clear = new JiraPermissionException(what + ": the user lacks " + needs + ". " + e.getMessage(),
                e.getStatus(), e.getMethod(), e.getUrl(), e.getErrorMessages(), e.getFieldErrors(), e.getRetryAfter());
        clear.initCause(e);
        return clear;
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
