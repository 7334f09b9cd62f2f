package dev.cameljira.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads an {@code Authorization} header that is either {@code Basic base64(login:secret)} or
 * {@code Bearer token} (scheme names case-insensitive) and asks the emulator's user look-ups. A missing or malformed
 * header, another scheme, bad Base64 or a Basic value without a colon authenticates nobody. Credentials are only
 * passed to the look-ups, never kept or logged.
 *
 * @param <U> the user type
 */
public final class BasicOrBearer<U> {
    private final BiFunction<String, String, Optional<U>> basic;
    private final Function<String, Optional<U>> bearer;

    /**
     * @param basic  the user a Basic login and secret authenticate, if any
     * @param bearer the user a Bearer token authenticates, if any
     */
    public BasicOrBearer(BiFunction<String, String, Optional<U>> basic, Function<String, Optional<U>> bearer) {
        this.basic = basic;
        this.bearer = bearer;
    }

    /** The user the request's {@code Authorization} header authenticates, if any. */
    public Optional<U> user(ApiRequest request) {
        return request.headerValue("Authorization").flatMap(this::user);
    }

    /** The user an {@code Authorization} header value authenticates, if any. */
    public Optional<U> user(String authorization) {
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, space);
        String credentials = trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return bearer.apply(credentials);
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
        return colon < 0 ? Optional.empty() : basic.apply(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
