package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Access and refresh tokens issued by {@code /oauth_token.do}; access tokens expire (1799 s by default). */
final class OAuthTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(String userName, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private Duration accessLifetime = Duration.ofSeconds(1799);

    OAuthTokens(Clock clock) {
        this.clock = clock;
    }

    synchronized void accessLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("The access token lifetime must be positive, got " + lifetime);
        }
        this.accessLifetime = lifetime;
    }

    synchronized void clear() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** Issues an access token (and a new refresh token unless one is being reused) in ServiceNow's JSON shape. */
    synchronized ObjectNode issue(String userName, String existingRefreshToken) {
        String access = token();
        accessTokens.put(access, new Grant(userName, clock.instant().plus(accessLifetime)));
        String refresh = existingRefreshToken;
        if (refresh == null) {
            refresh = token();
            refreshTokens.put(refresh, userName);
        }
        return Json.object().put("access_token", access).put("refresh_token", refresh).put("scope", "useraccount")
                .put("token_type", "Bearer").put("expires_in", accessLifetime.toSeconds());
    }

    /** The user name an unexpired access token was issued to. */
    synchronized Optional<String> userOfAccessToken(String token) {
        Grant grant = accessTokens.get(token);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant.userName());
    }

    synchronized Optional<String> userOfRefreshToken(String token) {
        return Optional.ofNullable(refreshTokens.get(token));
    }

    private static String token() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
