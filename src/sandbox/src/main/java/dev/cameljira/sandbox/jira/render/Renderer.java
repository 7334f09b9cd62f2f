package dev.cameljira.sandbox.jira.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.LinkType;
import dev.cameljira.sandbox.jira.model.Priority;
import dev.cameljira.sandbox.jira.model.Project;
import dev.cameljira.sandbox.jira.model.ProjectCategory;
import dev.cameljira.sandbox.jira.model.Resolution;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.Status;
import dev.cameljira.sandbox.jira.model.StatusCategory;
import dev.cameljira.sandbox.jira.model.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * JSON views of users, projects and workflow metadata, as Jira renders them.
 *
 * <p>Views of immutable entities (users, statuses, priorities, issue types, resolutions, components, link types) are
 * cached per view and SHARED between responses: callers must not mutate them (copy first).
 */
public final class Renderer {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private record CacheKey(Object entity, View view) {
    }

    private final ZoneId zone;
    private final Map<CacheKey, JsonNode> cache = new ConcurrentHashMap<>();

    public Renderer(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    private <T> JsonNode cached(T entity, View view, Function<T, JsonNode> build) {
        CacheKey key = new CacheKey(entity, view);
        JsonNode node = cache.get(key);
        if (node == null) {
            node = build.apply(entity);
            if (cache.size() < 10_000) {
                cache.put(key, node);
            }
        }
        return node;
    }

    /** Jira's timestamp format, e.g. {@code 2026-11-28T10:15:30.123+0000}, in the sandbox's zone. */
    public String time(Instant instant) {
        return instant == null ? null : JIRA_TIME.format(instant.atZone(zone));
    }

    /** A timestamp as JSON (null when absent). */
    public JsonNode timeNode(Instant instant) {
        return instant == null ? NullNode.instance : TextNode.valueOf(time(instant));
    }

    /** Rich text as v3 ADF or v2 string. */
    public JsonNode richText(RichText text, View view) {
        if (text == null) {
            return NullNode.instance;
        }
        return view.adf() ? text.adf().deepCopy() : TextNode.valueOf(text.text());
    }

    public JsonNode user(User user, View view) {
        return user == null ? NullNode.instance : cached(user, view, x -> buildUser(x, view));
    }

    private JsonNode buildUser(User user, View view) {
        if (user == null) {
            return NullNode.instance;
        }
        ObjectNode n = Json.object();
        if (view.cloud()) {
            n.put("self", view.api() + "/user?accountId=" + URLEncoder.encode(user.accountId(), StandardCharsets.UTF_8));
            n.put("accountId", user.accountId());
            n.put("accountType", "atlassian");
        } else {
            n.put("self", view.api() + "/user?username=" + URLEncoder.encode(user.name(), StandardCharsets.UTF_8));
            n.put("key", user.key());
            n.put("name", user.name());
        }
        n.put("emailAddress", user.email());
        ObjectNode avatars = n.putObject("avatarUrls");
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, view.baseUrl() + "/secure/useravatar?size=" + size + "&avatarId=10122");
        }
        n.put("displayName", user.displayName());
        n.put("active", true);
        n.put("timeZone", user.timeZone());
        return n;
    }

    /** A user with locale and groups, as {@code /myself} returns it. */
    public JsonNode myself(User user, View view) {
        ObjectNode n = (ObjectNode) user(user, view).deepCopy();
        n.put("locale", "en_US");
        ObjectNode groups = n.putObject("groups");
        ArrayNode items = groups.putArray("items");
        items.addObject().put("name", "jira-software-users");
        if (user.admin()) {
            items.addObject().put("name", "jira-administrators");
        }
        groups.put("size", items.size());
        ObjectNode roles = n.putObject("applicationRoles");
        roles.put("size", 1);
        roles.putArray("items").addObject().put("key", "jira-software").put("name", "Jira Software");
        n.put("expand", "groups,applicationRoles");
        return n;
    }

    public JsonNode statusCategory(StatusCategory c, View view) {
        return c == null ? NullNode.instance : cached(c, view, x -> buildStatusCategory(x, view));
    }

    private JsonNode buildStatusCategory(StatusCategory c, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/statuscategory/" + c.id());
        n.put("id", c.id());
        n.put("key", c.key());
        n.put("colorName", c.colorName());
        n.put("name", c.name());
        return n;
    }

    public JsonNode status(Status s, View view) {
        return s == null ? NullNode.instance : cached(s, view, x -> buildStatus(x, view));
    }

    private JsonNode buildStatus(Status s, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/status/" + s.id());
        n.put("description", s.description());
        n.put("iconUrl", view.baseUrl() + "/images/icons/statuses/generic.png");
        n.put("name", s.name());
        n.put("id", s.id());
        n.set("statusCategory", statusCategory(s.category(), view));
        return n;
    }

    public JsonNode priority(Priority p, View view) {
        return p == null ? NullNode.instance : cached(p, view, x -> buildPriority(x, view));
    }

    private JsonNode buildPriority(Priority p, View view) {
        if (p == null) {
            return NullNode.instance;
        }
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/priority/" + p.id());
        n.put("iconUrl", view.baseUrl() + "/images/icons/priorities/" + p.name().toLowerCase(java.util.Locale.ROOT) + ".svg");
        n.put("name", p.name());
        n.put("id", p.id());
        return n;
    }

    /** A priority as {@code GET /priority} lists it. */
    public JsonNode priorityDetails(Priority p, View view) {
        ObjectNode n = (ObjectNode) priority(p, view).deepCopy();
        n.put("statusColor", p.statusColor());
        n.put("description", p.name() + " priority");
        return n;
    }

    public JsonNode issueType(IssueType t, View view) {
        return t == null ? NullNode.instance : cached(t, view, x -> buildIssueType(x, view));
    }

    private JsonNode buildIssueType(IssueType t, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/issuetype/" + t.id());
        n.put("id", t.id());
        n.put("description", t.description());
        n.put("iconUrl", view.baseUrl() + "/secure/viewavatar?size=medium&avatarId=" + t.avatarId() + "&avatarType=issuetype");
        n.put("name", t.name());
        n.put("subtask", t.subtask());
        n.put("avatarId", t.avatarId());
        if (view.cloud()) {
            n.put("hierarchyLevel", t.hierarchyLevel());
        }
        return n;
    }

    public JsonNode resolution(Resolution r, View view) {
        return r == null ? NullNode.instance : cached(r, view, x -> buildResolution(x, view));
    }

    private JsonNode buildResolution(Resolution r, View view) {
        if (r == null) {
            return NullNode.instance;
        }
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/resolution/" + r.id());
        n.put("id", r.id());
        n.put("description", r.description());
        n.put("name", r.name());
        return n;
    }

    public JsonNode component(Component c, View view) {
        return c == null ? NullNode.instance : cached(c, view, x -> buildComponent(x, view));
    }

    private JsonNode buildComponent(Component c, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/component/" + c.id());
        n.put("id", c.id());
        n.put("name", c.name());
        if (c.description() != null) {
            n.put("description", c.description()); // Jira leaves out a component's missing description
        }
        return n;
    }

    /**
     * A component as {@code GET component/{id}} and {@code GET project/{key}/components} return it: with its project,
     * lead, assignee type and who its issues really go to ({@code realAssignee}: the lead, the project's lead, or
     * nobody, as the project assigns none by default).
     */
    public ObjectNode componentDetails(Component c, Project p, View view) {
        ObjectNode n = (ObjectNode) component(c, view).deepCopy();
        if (c.lead() != null) {
            n.set("lead", user(c.lead(), view));
            n.put(view.cloud() ? "leadAccountId" : "leadUserName", view.cloud() ? c.lead().accountId() : c.lead().name());
        }
        n.put("assigneeType", c.assigneeType());
        User real = switch (c.assigneeType()) {
            case "COMPONENT_LEAD" -> c.lead();
            case "PROJECT_LEAD" -> p.lead();
            default -> null;
        };
        boolean valid = real != null || c.assigneeType().equals("PROJECT_DEFAULT") || c.assigneeType().equals("UNASSIGNED");
        if (real != null) {
            n.set("assignee", user(real, view));
            n.set("realAssignee", user(real, view));
        }
        n.put("realAssigneeType", real == null ? "UNASSIGNED" : c.assigneeType());
        n.put("isAssigneeTypeValid", valid);
        n.put("project", p.key());
        n.put("projectId", p.id());
        return n;
    }

    public JsonNode linkType(LinkType t, View view) {
        return t == null ? NullNode.instance : cached(t, view, x -> buildLinkType(x, view));
    }

    private JsonNode buildLinkType(LinkType t, View view) {
        ObjectNode n = Json.object();
        n.put("id", t.id());
        n.put("name", t.name());
        n.put("inward", t.inward());
        n.put("outward", t.outward());
        n.put("self", view.api() + "/issueLinkType/" + t.id());
        return n;
    }

    private ObjectNode projectAvatars(Project p, View view) {
        ObjectNode avatars = Json.object();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, view.baseUrl() + "/secure/projectavatar?size=" + size + "&pid=" + p.id() + "&avatarId=10200");
        }
        return avatars;
    }

    /** A project as embedded in an issue's {@code fields.project}. */
    public JsonNode projectRef(Project p, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/project/" + p.id());
        n.put("id", String.valueOf(p.id()));
        n.put("key", p.key());
        n.put("name", p.name());
        n.put("projectTypeKey", p.projectTypeKey());
        if (view.cloud()) {
            n.put("simplified", false);
        }
        n.set("avatarUrls", projectAvatars(p, view));
        if (p.category() != null) {
            n.set("projectCategory", projectCategory(p.category(), view));
        }
        return n;
    }

    /** A project category: {@code self, id, description, name}. */
    public JsonNode projectCategory(ProjectCategory c, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/projectCategory/" + c.id());
        n.put("id", c.id());
        n.put("description", c.description());
        n.put("name", c.name());
        return n;
    }

    /** A project as {@code GET /project/{key}} returns it. */
    public JsonNode project(Project p, List<IssueType> issueTypes, View view) {
        ObjectNode n = (ObjectNode) projectRef(p, view);
        n.put("expand", "description,lead,issueTypes,url,projectKeys,permissions,insight");
        n.put("description", p.description() == null ? "" : p.description());
        n.set("lead", user(p.lead(), view));
        ArrayNode comps = n.putArray("components");
        for (Component c : p.components()) {
            comps.add(component(c, view));
        }
        ArrayNode types = n.putArray("issueTypes");
        for (IssueType t : issueTypes) {
            types.add(issueType(t, view));
        }
        n.put("assigneeType", "UNASSIGNED");
        n.putArray("versions");
        n.putObject("roles");
        if (view.cloud()) {
            n.put("style", "classic");
            n.put("isPrivate", false);
        }
        return n;
    }

    /** A project as webhook payloads carry it ({@code project_created}...). */
    public JsonNode webhookProject(Project p, View view) {
        ObjectNode n = Json.object();
        n.put("self", view.api() + "/project/" + p.id());
        n.put("id", p.id());
        n.put("key", p.key());
        n.put("name", p.name());
        n.set("avatarUrls", projectAvatars(p, view));
        n.set("projectLead", user(p.lead(), view));
        n.put("assigneeType", "admin.assignee.type.unassigned");
        return n;
    }

    /** A field as {@code GET /field} lists it. */
    public JsonNode customFieldDefinition(CustomField f) {
        ObjectNode n = Json.object();
        n.put("id", f.id());
        n.put("key", f.id());
        n.put("name", f.name());
        n.put("custom", true);
        n.put("orderable", true);
        n.put("navigable", true);
        n.put("searchable", true);
        ArrayNode clauses = n.putArray("clauseNames");
        clauses.add("cf[" + f.numericId() + "]");
        clauses.add(f.name());
        n.set("schema", customFieldSchema(f));
        return n;
    }

    public ObjectNode customFieldSchema(CustomField f) {
        ObjectNode s = Json.object();
        s.put("type", f.kind().schemaType());
        if (f.kind().items() != null) {
            s.put("items", f.kind().items());
        }
        s.put("custom", f.kind().customType());
        s.put("customId", f.numericId());
        return s;
    }
}
