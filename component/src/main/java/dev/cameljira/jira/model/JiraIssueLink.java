package dev.cameljira.jira.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A link between two issues. Read as Jira means it: "{@code inwardIssueKey} &lt;outward&gt; {@code outwardIssueKey}",
 * e.g. for type Blocks, DEMO-1 <em>blocks</em> DEMO-2 and DEMO-2 <em>is blocked by</em> DEMO-1.
 *
 * @param id              link id
 * @param type            link type name, e.g. Blocks
 * @param inward          the type's inward phrase, e.g. "is blocked by"
 * @param outward         the type's outward phrase, e.g. "blocks"
 * @param inwardIssueKey  the link's source (the {@code inwardIssue} of {@code POST /issueLink})
 * @param outwardIssueKey the link's destination (the {@code outwardIssue} of {@code POST /issueLink})
 * @param raw             the JSON Jira sent
 */
public record JiraIssueLink(String id, String type, String inward, String outward, String inwardIssueKey,
                            String outwardIssueKey, JsonNode raw) {

    /**
     * Reads a link: an entry of an issue's {@code issuelinks} field (which names only the other issue; the issue it was
     * read from, {@code ownerKey}, fills the other side) or a {@code GET /issueLink/{id}} answer (which names both).
     */
    public static JiraIssueLink from(JsonNode n, String ownerKey) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode t = n.path("type");
        String inwardKey = key(n.get("inwardIssue"));
        String outwardKey = key(n.get("outwardIssue"));
        if (inwardKey == null) {
            inwardKey = ownerKey;
        }
        if (outwardKey == null) {
            outwardKey = ownerKey;
        }
        return new JiraIssueLink(JiraUser.text(n, "id"), JiraUser.text(t, "name"), JiraUser.text(t, "inward"),
                JiraUser.text(t, "outward"), inwardKey, outwardKey, n);
    }

    private static String key(JsonNode issue) {
        if (issue == null || !issue.isObject()) {
            return null;
        }
        String key = JiraUser.text(issue, "key");
        return key != null ? key : JiraUser.text(issue, "id");
    }

    @Override
    public String toString() {
        return "JiraIssueLink[" + id + ": " + inwardIssueKey + " " + outward + " " + outwardIssueKey + "]";
    }
}
