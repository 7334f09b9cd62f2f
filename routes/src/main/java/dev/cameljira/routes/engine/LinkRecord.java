package dev.cameljira.routes.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The link as stored on the Jira issue, in the entity property {@code jira-sync.zendesk} /
 * {@code jira-sync.servicenow}: which record the issue is linked to, and for every synced field the value each side
 * had when the two last agreed (the "shadow"). A field differs from its shadow only when somebody changed it on that
 * side since: that is what gets synced, and a value the sync wrote itself never differs, so nothing is echoed back.
 *
 * <pre>{"system":"zendesk","id":"12","number":"12","url":"https://acme.zendesk.com/agent/tickets/12",
 *  "linkedAt":"2026-12-05T10:15:30Z","jira":{"summary":"Printer on fire","status":"To Do","priority":"High",
 *  "assignee":"jane@example.com"},"other":{"summary":"Printer on fire","status":"new","priority":"high",
 *  "assignee":null}}</pre>
 */
public final class LinkRecord {
    /** The synced fields. */
    public static final String SUMMARY = "summary";
    public static final String STATUS = "status";
    public static final String PRIORITY = "priority";
    public static final String ASSIGNEE = "assignee";
    public static final java.util.List<String> FIELDS = java.util.List.of(SUMMARY, STATUS, PRIORITY, ASSIGNEE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String system;
    private final String id;
    private final String number;
    private final String url;
    private final Instant linkedAt;
    private final Map<String, String> jira = new LinkedHashMap<>();
    private final Map<String, String> other = new LinkedHashMap<>();
    /** Fields whose Jira value was planned, not read from Jira (a creation without read-back). */
    private final java.util.Set<String> guessed = new java.util.TreeSet<>();

    public LinkRecord(String system, String id, String number, String url, Instant linkedAt) {
        this.system = system;
        this.id = id;
        this.number = number;
        this.url = url;
        this.linkedAt = linkedAt;
    }

    /** Reads the property value; null when it is not a link of {@code system}. */
    public static LinkRecord fromJson(JsonNode n, String system) {
        if (n == null || !n.isObject() || !system.equals(n.path("system").asText()) || n.path("id").asText().isEmpty()) {
            return null;
        }
        Instant linkedAt;
        try {
            linkedAt = Instant.parse(n.path("linkedAt").asText());
        } catch (RuntimeException e) {
            linkedAt = Instant.EPOCH;
        }
        LinkRecord r = new LinkRecord(system, n.path("id").asText(), n.path("number").asText(n.path("id").asText()),
                n.path("url").asText(null), linkedAt);
        for (String f : FIELDS) {
            r.jira.put(f, text(n.path("jira").get(f)));
            r.other.put(f, text(n.path("other").get(f)));
        }
        for (JsonNode g : n.path("guessed")) {
            if (FIELDS.contains(g.asText())) {
                r.guessed.add(g.asText());
            }
        }
        return r;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The property value. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("system", system);
        n.put("id", id);
        n.put("number", number);
        n.put("url", url);
        n.put("linkedAt", linkedAt.toString());
        ObjectNode j = n.putObject("jira");
        ObjectNode o = n.putObject("other");
        for (String f : FIELDS) {
            j.put(f, jira.get(f));
            o.put(f, other.get(f));
        }
        if (!guessed.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode g = n.putArray("guessed");
            guessed.forEach(g::add);
        }
        return n;
    }

    public String system() {
        return system;
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String url() {
        return url;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    /** The Jira value of {@code field} when the sides last agreed. */
    public String jira(String field) {
        return jira.get(field);
    }

    /** The other side's value of {@code field} when the sides last agreed. */
    public String other(String field) {
        return other.get(field);
    }

    /** Records that the sides agree with these values. */
    public void agree(String field, String jiraValue, String otherValue) {
        jira.put(field, jiraValue);
        other.put(field, otherValue);
        guessed.remove(field);
    }

    /**
     * Records that the sides agree, where the Jira value is what a new issue was expected to start with, not read
     * from Jira: the first reconciliation checks it against the issue ({@link #guessed}).
     */
    public void guess(String field, String jiraValue, String otherValue) {
        agree(field, jiraValue, otherValue);
        guessed.add(field);
    }

    /** Whether the field's Jira value is a guess made at creation that no read of the issue has confirmed yet. */
    public boolean guessed(String field) {
        return guessed.contains(field);
    }

    /** Whether a shadow was ever recorded for the field. */
    public boolean knows(String field) {
        return jira.containsKey(field) || other.containsKey(field);
    }

    /** A copy, to tell whether anything changed. */
    public String fingerprint() {
        return toJson().toString();
    }
}
