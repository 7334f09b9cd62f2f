package dev.cameljira.jira.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraPaging;
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
        OperationSupport.Paging paging = OperationSupport.paging(ctx);
        int pageSize = paging.pageSize();
        long limit = paging.limit();
        JiraApi api = ctx.api();
        List<JiraUser> users = JiraPaging.all(api.pages(startAt -> usersPage(api, query, startAt, pageSize, limit),
                page -> page, JiraUser::from, pageSize, limit, MAX_PAGES));
        ctx.setHeader(JiraConstants.RESULT_COUNT, users.size());
        return users;
    }

    /**
     * One page of users matching a query (Cloud: {@code query=}, Data Center: {@code username=}), as Jira's bare JSON
     * array; it never asks for more users than the limit still needs.
     */
    private static JiraRequest usersPage(JiraApi api, String query, int startAt, int pageSize, long limit) {
        long want = limit > 0 ? Math.max(1, Math.min(pageSize, limit - startAt)) : pageSize;
        return (JiraRequest.get(api.api("/user/search")).query(api.isCloud() ? "query" : "username", query)
                .query("startAt", startAt).query("maxResults", want).subject("users matching '" + query + "'"));
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
        return api.cache().get(createMetaCacheKey(project, ":issuetypes"),
                () -> pages(api, api.api("/issue/createmeta/" + JiraApi.seg(project) + "/issuetypes"),
                        "issue types of project " + project, "issueTypes", CreateMeta.IssueType::from));
    }

    /** The fields of the create screen of one issue type of a project, cached. */
    public static List<CreateMeta.Field> fields(JiraApi api, String project, String issueTypeId) {
        return api.cache().get(createMetaCacheKey(project, ":" + issueTypeId),
                () -> pages(api, api.api("/issue/createmeta/" + JiraApi.seg(project) + "/issuetypes/" + JiraApi.seg(issueTypeId)),
                        "create fields of issue type " + issueTypeId + " in project " + project, "fields",
                        CreateMeta.Field::from));
    }

    /** Cache key of a project's create metadata; {@code suffix} "" gives the prefix of all of them. */
    static String createMetaCacheKey(String project, String suffix) {
        return "createmeta:" + project + suffix;
    }

    /**
     * Every item of a startAt/maxResults-paged create-meta listing, converted, as an unmodifiable list. Cloud puts the
     * items in {@code cloudArray} (issueTypes, fields), Data Center in {@code values}; the last page is found by
     * {@link JiraPaging}'s rule.
     */
    private static <T> List<T> pages(JiraApi api, String path, String subject, String cloudArray,
                                     Function<JsonNode, T> convert) {
        return List.copyOf(JiraPaging.all(api.pages(
                startAt -> JiraRequest.get(path).query("startAt", startAt).query("maxResults", CREATE_META_PAGE).subject(subject),
                page -> page.isArray() ? page : page.has(cloudArray) ? page.path(cloudArray) : page.path("values"),
                convert, CREATE_META_PAGE, 0, MAX_PAGES)));
    }
}
