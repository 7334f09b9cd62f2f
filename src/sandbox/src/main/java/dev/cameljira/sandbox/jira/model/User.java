package dev.cameljira.sandbox.jira.model;

/**
 * A Jira user. Cloud identifies users by {@code accountId}; Server/Data Center by {@code name} and {@code key}. The
 * sandbox keeps all identifiers and renders the ones of the current mode. Credentials are kept elsewhere.
 *
 * @param accountId   Cloud account id
 * @param name        Server user name (login)
 * @param key         Server user key
 * @param email       e-mail address
 * @param displayName display name
 * @param admin       member of jira-administrators
 * @param timeZone    the user's time zone id
 */
public record User(String accountId, String name, String key, String email, String displayName, boolean admin, String timeZone) {

    /** Every identifier by which JQL or the REST API may name this user. */
    public java.util.List<String> identifiers() {
        return java.util.List.of(accountId, name, key, email, displayName);
    }
}
