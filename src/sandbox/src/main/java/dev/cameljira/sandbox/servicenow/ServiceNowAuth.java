package dev.cameljira.sandbox.servicenow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Authenticates Table API calls: HTTP Basic (user_name:password) or {@code Bearer} access tokens from OAuth. */
final class ServiceNowAuth {
    private final ServiceNowStore store;
    private final OAuthTokens tokens;

    ServiceNowAuth(ServiceNowStore store, OAuthTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    ServiceNowUser authenticate(ApiRequest request) {
        return request.header("Authorization").flatMap(this::user).orElseThrow(ApiException::unauthenticated);
    }

    private Optional<ServiceNowUser> user(String header) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, space);
        String credentials = trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return tokens.userOfAccessToken(credentials).flatMap(store::userByName);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : store.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
