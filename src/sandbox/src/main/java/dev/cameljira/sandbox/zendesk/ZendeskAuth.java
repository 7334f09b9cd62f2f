package dev.cameljira.sandbox.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates a request the three ways Zendesk accepts: Basic {@code email/token:API_TOKEN}, Basic
 * {@code email:password}, and {@code Bearer OAUTH_TOKEN}.
 */
final class ZendeskAuth {
    private final ZendeskStore store;

    ZendeskAuth(ZendeskStore store) {
        this.store = store;
    }

    /** The authenticated user, or 401 in Zendesk's shape. */
    ZendeskUser authenticate(ApiRequest request) {
        return request.header("Authorization").flatMap(this::user).orElseThrow(ApiException::unauthorized);
    }

    private Optional<ZendeskUser> user(String header) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, space);
        String credentials = trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return store.byOAuthToken(credentials);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String login = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        if (login.endsWith("/token")) {
            return store.byApiToken(login.substring(0, login.length() - "/token".length()), secret);
        }
        return store.byPassword(login, secret);
    }
}
