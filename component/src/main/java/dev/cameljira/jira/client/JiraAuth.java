package dev.cameljira.jira.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the client authenticates. {@link #toString()} never reveals the secret.
 */
public sealed interface JiraAuth permits JiraAuth.Basic, JiraAuth.Bearer, JiraAuth.Anonymous {

    /** The value of the {@code Authorization} header, or null for none. */
    String authorizationHeader();

    /** Names the credential kind (and the user, which is no secret) for error messages. */
    String describe();

    /** Basic auth: Cloud e-mail + API token, or on-prem user name + password. */
    static JiraAuth basic(String username, String secret) {
        return new Basic(username, secret);
    }

    /** Bearer token: Data Center personal access token, or an OAuth 2.0 access token. */
    static JiraAuth bearer(String token) {
        return new Bearer(token);
    }

    static JiraAuth anonymous() {
        return new Anonymous();
    }

    /** Basic authentication. */
    record Basic(String username, String secret) implements JiraAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String authorizationHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "basic auth as '" + username + "'";
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", secret=xxxxxx]";
        }
    }

    /** Bearer authentication. */
    record Bearer(String token) implements JiraAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String authorizationHeader() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "bearer token (accessToken)";
        }

        @Override
        public String toString() {
            return "Bearer[token=xxxxxx]";
        }
    }

    /** No credentials. */
    record Anonymous() implements JiraAuth {
        @Override
        public String authorizationHeader() {
            return null;
        }

        @Override
        public String describe() {
            return "no credentials";
        }
    }
}
