package dev.cameljira.sandbox.jira;

import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication. Cloud: basic {@code email:apiToken} or {@code Bearer <OAuth 2.0 access token>} (an API token is not
 * accepted as a Bearer token). Server: basic {@code name:token} or
 * {@code email:token}, or {@code Bearer <personal access token>}. Both: OAuth 1.0a RSA-SHA1 ({@code OAuth oauth_consumer_key=...}) for the
 * seeded consumer {@link SandboxUsers#OAUTH_CONSUMER_KEY} (see {@link #authenticate(String, String, String, Map)}).
 * A present but wrong header is a 401.
 */
public final class JiraAuth {

    private final JiraStore store;

    public JiraAuth(JiraStore store) {
        this.store = store;
    }

    /**
     * The user of a request's Authorization header, OAuth 1.0a signatures included (they cover the method and URL);
     * empty when there is none; a 401 when it is wrong.
     *
     * @param url   the URL the client addressed (scheme, host, port, raw path)
     * @param query the decoded query parameters
     */
    public Optional<User> authenticate(String authorization, String method, String url, Map<String, List<String>> query) {
        if (authorization != null && authorization.trim().regionMatches(true, 0, "OAuth ", 0, 6)) {
            String token = OAuth1Verifier.verify(authorization.trim().substring(6), method, url, query)
                    .orElseThrow(JiraAuth::unauthorized);
            if (!token.equals(SandboxUsers.OAUTH_ACCESS_TOKEN)) {
                throw unauthorized();
            }
            return Optional.of(store.userByToken(SandboxUsers.ADMIN_TOKEN).orElseThrow(JiraAuth::unauthorized));
        }
        return authenticate(authorization);
    }

    /** The user of an Authorization header; empty when there is none; a 401 when it is wrong. */
    public Optional<User> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            throw unauthorized();
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(bearer(credentials).orElseThrow(JiraAuth::unauthorized));
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            throw unauthorized();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized();
        }
        String login = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        User user = store.userByToken(secret).orElseThrow(JiraAuth::unauthorized);
        boolean loginMatches = login.equalsIgnoreCase(user.email()) || (!store.cloud() && login.equalsIgnoreCase(user.name()));
        if (!loginMatches) {
            throw unauthorized();
        }
        return Optional.of(user);
    }

    /**
     * The user of a Bearer token. Cloud: only an OAuth 2.0 access token ({@link SandboxUsers#ADMIN_OAUTH2_TOKEN},
     * {@link SandboxUsers#USER_OAUTH2_TOKEN}); an API token is refused, as Jira Cloud refuses it. Data Center: a personal
     * access token (the user's token).
     */
    private Optional<User> bearer(String token) {
        if (!store.cloud()) {
            return store.userByToken(token);
        }
        if (SandboxUsers.ADMIN_OAUTH2_TOKEN.equals(token)) {
            return store.user(SandboxUsers.ADMIN_ACCOUNT_ID);
        }
        if (SandboxUsers.USER_OAUTH2_TOKEN.equals(token)) {
            return store.user(SandboxUsers.USER_ACCOUNT_ID);
        }
        return Optional.empty();
    }

    /** The 401 Jira sends for missing or bad credentials. */
    public static ApiException unauthorized() {
        return ApiException.of(401, "Client must be authenticated to access this resource.");
    }
}
