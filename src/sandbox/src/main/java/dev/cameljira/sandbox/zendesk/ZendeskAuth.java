package dev.cameljira.sandbox.zendesk;

import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.BasicOrBearer;
import java.util.Optional;

/**
 * Authenticates a request the three ways Zendesk accepts: Basic {@code email/token:API_TOKEN}, Basic
 * {@code email:password}, and {@code Bearer OAUTH_TOKEN}. Deleted and suspended users cannot sign in.
 */
final class ZendeskAuth {
    private static final String TOKEN_SUFFIX = "/token";

    private final ZendeskStore store;
    private final BasicOrBearer<ZendeskUser> credentials;

    ZendeskAuth(ZendeskStore store) {
        this.store = store;
        this.credentials = new BasicOrBearer<>(this::basic, store::byOAuthToken);
    }

    /** The authenticated user, or 401 in Zendesk's shape (also for a deleted or suspended user). */
    ZendeskUser authenticate(ApiRequest request) {
        return credentials.user(request).filter(ZendeskUser::canSignIn).orElseThrow(ApiException::unauthorized);
    }

    private Optional<ZendeskUser> basic(String login, String secret) {
        if (login.endsWith(TOKEN_SUFFIX)) {
            return store.byApiToken(login.substring(0, login.length() - TOKEN_SUFFIX.length()), secret);
        }
        return store.byPassword(login, secret);
    }
}
