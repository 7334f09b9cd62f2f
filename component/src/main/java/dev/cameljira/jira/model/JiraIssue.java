package dev.cameljira.jira.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.jira.text.RichText;

/**
 * An issue as Jira returned it. Typed accessors for the common fields; every other field, custom fields included,
 * stays available through {@link #field(String)} and {@link #raw()} (nothing Jira sent is dropped). Rich text
 * (description) is offered as plain text by {@link #description()} and as sent (ADF or wiki) by
 * {@link #descriptionRaw()}.
 */
public record JiraIssue(String id, String key, String self, ObjectNode fields, JsonNode changelog, ObjectNode raw) {

    static final DateTimeFormatter JIRA_DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    /** Reads an issue object (from get, search, create+get or a webhook payload). */
    public static JiraIssue from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        ObjectNode o = (ObjectNode) n;
        JsonNode f = o.get("fields");
        ObjectNode fields = f instanceof ObjectNode fo ? fo : JsonNodeFactory.instance.objectNode();
        return new JiraIssue(JiraUser.text(o, "id"), JiraUser.text(o, "key"), JiraUser.text(o, "self"), fields,
                o.get("changelog"), o);
    }

    /**
     * An issue as a create without read-back knows it: Jira's answer to the create ({@code id, key, self}) with the
     * {@code fields} of the body that was sent, in Jira's own format (project, issuetype, summary, description...);
     * what Jira fills in itself (status, reporter, created) is absent.
     */
    public static JiraIssue created(JsonNode answer, JsonNode sentBody) {
        ObjectNode issue = JsonNodeFactory.instance.objectNode();
        issue.set("id", answer.path("id"));
        issue.set("key", answer.path("key"));
        issue.set("self", answer.path("self"));
        JsonNode fields = sentBody == null ? null : sentBody.get("fields");
        issue.set("fields", fields instanceof ObjectNode ? fields : JsonNodeFactory.instance.objectNode());
        return from(issue);
    }

    /** A field by id (e.g. {@code customfield_10016}); a missing node when absent. */
    public JsonNode field(String id) {
        return fields.path(id);
    }

    public String summary() {
        return textOrNull(fields.get("summary"));
    }

    /** The description as plain text (ADF on v3 is flattened; wiki on v2 returned as is). */
    public String description() {
        return RichText.toPlainText(fields.get("description"));
    }

    /** The description as Jira sent it: an ADF document (v3) or a wiki string (v2); null when empty. */
    public JsonNode descriptionRaw() {
        JsonNode d = fields.get("description");
        return d == null || d.isNull() ? null : d;
    }

    public String status() {
        return textOrNull(fields.path("status").get("name"));
    }

    /** Status category key: new, indeterminate or done. */
    public String statusCategory() {
        return textOrNull(fields.path("status").path("statusCategory").get("key"));
    }

    public String issueType() {
        return textOrNull(fields.path("issuetype").get("name"));
    }

    public String projectKey() {
        return textOrNull(fields.path("project").get("key"));
    }

    public String priority() {
        return textOrNull(fields.path("priority").get("name"));
    }

    public String resolution() {
        return textOrNull(fields.path("resolution").get("name"));
    }

    public JiraUser assignee() {
        return JiraUser.from(fields.get("assignee"));
    }

    public JiraUser reporter() {
        return JiraUser.from(fields.get("reporter"));
    }

    public List<String> labels() {
        List<String> out = new ArrayList<>();
        fields.path("labels").forEach(l -> out.add(l.asText()));
        return out;
    }

    public List<String> components() {
        List<String> out = new ArrayList<>();
        fields.path("components").forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    public String parentKey() {
        return textOrNull(fields.path("parent").get("key"));
    }

    public OffsetDateTime created() {
        return date(fields.get("created"));
    }

    public OffsetDateTime updated() {
        return date(fields.get("updated"));
    }

    /** Custom fields (id starting with customfield_) that have a value. */
    public Map<String, JsonNode> customFields() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("customfield_") && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Parses Jira's timestamps ("2026-11-28T10:15:30.123+0000" or ISO-8601 with colon). */
    public static OffsetDateTime date(JsonNode v) {
        if (v == null || v.isNull() || !v.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText(), JIRA_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String textOrNull(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "JiraIssue[" + key + " (" + id + ") " + summary() + "]";
    }
}
