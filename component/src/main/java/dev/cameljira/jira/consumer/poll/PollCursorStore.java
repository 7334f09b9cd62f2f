package dev.cameljira.jira.consumer.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.consumer.JiraConsumerType;
import org.apache.camel.spi.StateRepository;

/**
 * Keeps a {@link PollCursor} in a Camel {@link StateRepository} under one key, as a single-line JSON string, so the
 * memory, file and JDBC repositories all hold it.
 */
final class PollCursorStore {

    private final StateRepository<String, String> repository;
    private final String key;

    PollCursorStore(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The stored cursor, or null when none is stored yet. */
    PollCursor load() {
        String json = repository.getState(key);
        return json == null || json.isBlank() ? null : PollCursor.fromJson(json, key);
    }

    void save(PollCursor cursor) {
        repository.setState(key, cursor.toJson());
    }

    /**
     * The default key: the consumer kind plus a hash of what defines the watched stream (jiraUrl, username, jql), e.g.
     * {@code jira-updatedIssues-3f2a9c0d41e7b655}. Hashing keeps it free of '=' and line breaks (which
     * FileStateRepository cannot store) and of anything secret.
     */
    static String defaultKey(JiraConsumerType type, JiraConfiguration c) {
        String identity = nullToEmpty(c.getJiraUrl()) + "\n" + nullToEmpty(c.getUsername()) + "\n" + nullToEmpty(c.getJql());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "jira-" + type.uriName() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Checks a user-given key; null when fine, else what is wrong with it. */
    static String problem(String key) {
        if (key.isBlank()) {
            return "stateKey must not be blank";
        }
        if (key.contains("=") || key.contains("\n") || key.contains("\r")) {
            return "stateKey '" + key.replace("\n", "\\n").replace("\r", "\\r")
                   + "' must not contain '=' or line breaks (FileStateRepository cannot store them)";
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
