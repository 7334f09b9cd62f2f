package dev.cameljira.jira.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A project as Jira returned it (Cloud {@code Project}, Data Center {@code ProjectBean}). Everything Jira sent stays in
 * {@link #raw()}.
 *
 * @param id             numeric project id, as text
 * @param key            project key, e.g. DEMO
 * @param name           display name
 * @param projectTypeKey software, business or service_desk
 * @param lead           the project lead (accountId on Cloud, name/key on Data Center); null when Jira left it out
 * @param description    plain-text description; null when empty or not returned
 * @param issueTypes     names of the issue types of the project (empty when Jira did not list them)
 * @param self           REST URL of the project
 * @param raw            the JSON object as received
 */
public record JiraProject(String id, String key, String name, String projectTypeKey, JiraUser lead, String description,
                          List<String> issueTypes, String self, ObjectNode raw) {

    public JiraProject {
        issueTypes = issueTypes == null ? List.of() : List.copyOf(issueTypes);
    }

    /** Reads a project object; null when the node is not an object. */
    public static JiraProject from(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        n.path("issueTypes").forEach(t -> {
            if (t.hasNonNull("name")) {
                types.add(t.get("name").asText());
            }
        });
        String description = JiraUser.text(n, "description");
        return new JiraProject(JiraUser.text(n, "id"), JiraUser.text(n, "key"), JiraUser.text(n, "name"),
                JiraUser.text(n, "projectTypeKey"), JiraUser.from(n.get("lead")),
                description == null || description.isEmpty() ? null : description, types, JiraUser.text(n, "self"),
                (ObjectNode) n);
    }

    @Override
    public String toString() {
        return "JiraProject[" + key + " (" + id + ") " + name + "]";
    }
}
