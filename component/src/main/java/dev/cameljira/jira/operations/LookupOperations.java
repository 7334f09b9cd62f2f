package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.CreateMeta;
import dev.cameljira.jira.model.JiraField;
import dev.cameljira.jira.model.JiraUser;

/**
 * Look-ups: users, field definitions and create metadata. Field definitions and create metadata are cached per
 * endpoint for the metadataCacheTtl option, so routes may call them per message.
 */
public final class LookupOperations {

    /** Page size of the create-meta calls (Jira's default; Cloud allows up to 200). */
    static final int CREATE_META_PAGE = 50;
    /** Upper bound on pages read by one look-up, so a misbehaving server cannot make it loop for ever. */
    static final int MAX_PAGES = 200;

    private LookupOperations() {
    }

    // ---- searchUsers ----

    /**
     * searchUsers. Needs a query (CamelJiraQuery or body {@code query}): a name or e-mail, matched by Jira as a prefix.
     * Cloud: {@code GET /user/search?query=} (display name and e-mail); Data Center: {@code GET /user/search?username=}
     * (user name, display name and e-mail). Reads every page of maxResults users, up to the limit option (0 = all Jira
     * returns; Cloud stops at 1000). Returns a {@code List<JiraUser>} and sets CamelJiraResultCount.
     */
    public static Object searchUsers(OperationContext ctx) {
        String query = ctx.require(JiraParam.QUERY).trim();
        if (query.isEmpty()) {
            throw ctx.missing(JiraParam.QUERY);
        }
        int pageSize = ProjectOperations.intValue(ctx, "maxResults", ctx.config().getMaxResults());
        long limit = ProjectOperations.intValue(ctx, "limit", (int) Math.min(Integer.MAX_VALUE, ctx.config().getLimit()));
        if (pageSize < 1) {
            throw ctx.invalid("maxResults must be at least 1, was " + pageSize);
        }
        JiraApi api = ctx.api();
        String param = api.isCloud() ? "query" : "username";
        List<JiraUser> users = new ArrayList<>();
        int startAt = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            int want = limit > 0 ? (int) Math.min(pageSize, limit - users.size()) : pageSize;
            JsonNode page = api.client().json(JiraRequest.get(api.api("/user/search")).query(param, query)
                    .query("startAt", startAt).query("maxResults", want).subject("users matching '" + query + "'"));
            int n = 0;
            for (JsonNode u : page) {
                JiraUser user = JiraUser.from(u);
                if (user != null) {
                    users.add(user);
                }
                n++;
            }
            startAt += n;
            if (n < want || (limit > 0 && users.size() >= limit)) {
                break;
            }
        }
        ctx.setHeader(JiraConstants.RESULT_COUNT, users.size());
        return users;
    }

    // ---- getFields ----

    /**
     * getFields: every field definition ({@code GET /field}), system and custom, as a {@code List<JiraField>}. Served from
     * the endpoint's metadata cache (the same list that resolves field names such as "Story Points"), so Jira is asked
     * at most once per metadataCacheTtl. Sets CamelJiraResultCount.
     */
    public static Object getFields(OperationContext ctx) {
        List<JiraField> fields = new ArrayList<>();
        for (JsonNode f : ctx.api().fields()) {
            JiraField field = JiraField.from(f);
            if (field != null) {
                fields.add(field);
            }
        }
        ctx.setHeader(JiraConstants.RESULT_COUNT, fields.size());
        return fields;
    }

    // ---- getCreateMeta ----

    /**
     * getCreateMeta: the issue types of a project and the fields of their create screens, as a {@link CreateMeta}. Needs
     * the project key or id (CamelJiraProjectKey, body {@code projectKey}, or the projectKey option); optional issue type
     * by id (CamelJiraIssueTypeId) or name (CamelJiraIssueTypeName, resolved through the project's issue types) to get
     * only that type. Uses {@code GET /issue/createmeta/{project}/issuetypes} and {@code .../issuetypes/{issueTypeId}}
     * (Cloud and Data Center 9+), never the deprecated {@code GET /issue/createmeta}. Cached per endpoint for the
     * metadataCacheTtl option.
     */
    public static Object getCreateMeta(OperationContext ctx) {
        String project = ctx.require(JiraParam.PROJECT_KEY).trim();
        String type = ctx.string(JiraParam.ISSUE_TYPE_ID).or(() -> ctx.string(JiraParam.ISSUE_TYPE_NAME)).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        JiraApi api = ctx.api();
        List<CreateMeta.IssueType> all = issueTypes(api, project);
        List<CreateMeta.IssueType> selected;
        if (type == null) {
            selected = all;
        } else {
            CreateMeta.IssueType match = all.stream().filter(t -> t.matches(type)).findFirst()
                    .orElseThrow(() -> ctx.invalid("project " + project + " has no issue type '" + type + "'; its issue types are "
                                                   + String.join(", ", all.stream().map(CreateMeta.IssueType::name).toList())));
            selected = List.of(match);
        }
        List<CreateMeta.IssueType> withFields = new ArrayList<>();
        for (CreateMeta.IssueType t : selected) {
            withFields.add(t.withFields(fields(api, project, t.id())));
        }
        ctx.setHeader(JiraConstants.PROJECT_KEY, project);
        ctx.setHeader(JiraConstants.RESULT_COUNT, withFields.size());
        return new CreateMeta(project, withFields);
    }

    /** The issue types of a project's create metadata, cached. */
    public static List<CreateMeta.IssueType> issueTypes(JiraApi api, String project) {
        return api.cache().get(createMetaCacheKey(project, ":issuetypes"), () -> {
            List<CreateMeta.IssueType> out = new ArrayList<>();
            for (JsonNode n : pages(api, api.api("/issue/createmeta/" + JiraApi.seg(project) + "/issuetypes"),
                    "issue types of project " + project, "issueTypes")) {
                Optional.ofNullable(CreateMeta.IssueType.from(n)).ifPresent(out::add);
            }
            return List.copyOf(out);
        });
    }

    /** The fields of the create screen of one issue type of a project, cached. */
    public static List<CreateMeta.Field> fields(JiraApi api, String project, String issueTypeId) {
        return api.cache().get(createMetaCacheKey(project, ":" + issueTypeId), () -> {
            List<CreateMeta.Field> out = new ArrayList<>();
            for (JsonNode n : pages(api, api.api("/issue/createmeta/" + JiraApi.seg(project) + "/issuetypes/" + JiraApi.seg(issueTypeId)),
                    "create fields of issue type " + issueTypeId + " in project " + project, "fields")) {
                Optional.ofNullable(CreateMeta.Field.from(n)).ifPresent(out::add);
            }
            return List.copyOf(out);
        });
    }

    /** Cache key of a project's create metadata; {@code suffix} "" gives the prefix of all of them. */
    static String createMetaCacheKey(String project, String suffix) {
        return "createmeta:" + project + suffix;
    }

    /**
     * Every item of a startAt/maxResults-paged create-meta listing. Cloud puts the items in {@code cloudArray}
     * (issueTypes, fields), Data Center in {@code values}; the last page is known from {@code isLast}, else {@code total},
     * else a short page.
     */
    private static List<JsonNode> pages(JiraApi api, String path, String subject, String cloudArray) {
        List<JsonNode> out = new ArrayList<>();
        int startAt = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode page = api.client().json(JiraRequest.get(path).query("startAt", startAt).query("maxResults", CREATE_META_PAGE)
                    .subject(subject));
            JsonNode items = page.isArray() ? page : page.has(cloudArray) ? page.path(cloudArray) : page.path("values");
            int n = items.size();
            items.forEach(out::add);
            startAt += n;
            if (page.isArray() || n == 0 || page.path("isLast").asBoolean(false)) {
                break;
            }
            long total = page.path("total").asLong(-1);
            if (total >= 0 ? startAt >= total : n < CREATE_META_PAGE) {
                break;
            }
        }
        return out;
    }
}
