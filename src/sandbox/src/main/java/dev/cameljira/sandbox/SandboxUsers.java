package dev.cameljira.sandbox;

/**
 * The users every sandbox is seeded with, and their credentials.
 *
 * <p>Cloud mode: HTTP basic auth {@code email:apiToken} (e.g. {@code admin@example.com:sandbox-admin-token}) or
 * {@code Authorization: Bearer <token>}. Server mode: basic auth with the user name <em>or</em> the e-mail as user and
 * the token as password, or the token as a Bearer personal access token.
 */
public final class SandboxUsers {

    /** E-mail of the Jira administrator. */
    public static final String ADMIN_EMAIL = "admin@example.com";
    /** API token (Cloud) / password and personal access token (Server) of the administrator. */
    public static final String ADMIN_TOKEN = "sandbox-admin-token";
    /** Cloud accountId of the administrator. */
    public static final String ADMIN_ACCOUNT_ID = "712020:5c0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    /** Server user name of the administrator. */
    public static final String ADMIN_NAME = "admin";
    /** Server user key of the administrator. */
    public static final String ADMIN_KEY = "JIRAUSER10000";
    /** Display name of the administrator. */
    public static final String ADMIN_DISPLAY_NAME = "Sandbox Admin";

    /** E-mail of the regular (non-admin) user. */
    public static final String USER_EMAIL = "user@example.com";
    /** API token (Cloud) / password and personal access token (Server) of the regular user. */
    public static final String USER_TOKEN = "sandbox-user-token";
    /** Cloud accountId of the regular user. */
    public static final String USER_ACCOUNT_ID = "712020:6d1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
    /** Server user name of the regular user. */
    public static final String USER_NAME = "user";
    /** Server user key of the regular user. */
    public static final String USER_KEY = "JIRAUSER10100";
    /** Display name of the regular user. */
    public static final String USER_DISPLAY_NAME = "Sandbox User";

    /** Key of the seeded project. */
    public static final String DEMO_PROJECT_KEY = "DEMO";

    private SandboxUsers() {
    }
}
