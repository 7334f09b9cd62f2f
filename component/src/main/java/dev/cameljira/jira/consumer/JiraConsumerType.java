package dev.cameljira.jira.consumer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The consumer kinds of the jira: endpoint. All emit {@link dev.cameljira.jira.model.JiraEvent}.
 */
public enum JiraConsumerType {
    /** Real-time: Jira POSTs webhooks to a path on platform-http's HTTP server. */
    WEBHOOK("webhook"),
    /** Polls for issues created since the cursor. */
    NEW_ISSUES("newIssues"),
    /** Polls for issues updated since the cursor, with the changed fields (camel-jira: watchUpdates). */
    UPDATED_ISSUES("updatedIssues", "watchUpdates"),
    /** Polls for comments added since the cursor. */
    NEW_COMMENTS("newComments");

    private final String uriName;
    private final List<String> aliases;

    JiraConsumerType(String uriName, String... aliases) {
        this.uriName = uriName;
        this.aliases = List.of(aliases);
    }

    public String uriName() {
        return uriName;
    }

    public boolean isPolling() {
        return this != WEBHOOK;
    }

    public static Optional<JiraConsumerType> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.uriName.toLowerCase(Locale.ROOT).equals(n)
                             || t.aliases.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(n)))
                .findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(t -> t.aliases.isEmpty() ? t.uriName : t.uriName + " (" + String.join(", ", t.aliases) + ")")
                .collect(Collectors.joining(", "));
    }
}
