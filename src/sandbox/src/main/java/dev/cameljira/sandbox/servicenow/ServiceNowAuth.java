package dev.cameljira.sandbox.servicenow;

import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.BasicOrBearer;

/** Authenticates Table API calls: HTTP Basic (user_name:password) or {@code Bearer} access tokens from OAuth. */
final class ServiceNowAuth {
    private final BasicOrBearer<ServiceNowUser> credentials;

    ServiceNowAuth(ServiceNowStore store, OAuthTokens tokens) {
        this.credentials = new BasicOrBearer<>(store::authenticate,
                token -> tokens.userOfAccessToken(token).flatMap(store::userByName));
    }

    ServiceNowUser authenticate(ApiRequest request) {
        return credentials.user(request).orElseThrow(ApiException::unauthenticated);
    }
}
