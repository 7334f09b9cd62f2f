package dev.cameljira.sandbox.spec;

import java.util.List;

/**
 * Validates HTTP exchanges with Jira against Atlassian's published OpenAPI documents in {@code shared/oracles}.
 * PLACEHOLDER API: the implementation is being written; keep these signatures.
 */
public final class JiraSpecValidator {

    private JiraSpecValidator() {
    }

    /** Validator for Jira Cloud: /rest/api/3 against the v3 spec, /rest/api/2 against the same operations with rich-text checks relaxed. */
    public static JiraSpecValidator cloud() {
        return new JiraSpecValidator();
    }

    /** Validator for Jira Data Center / Server: /rest/api/2 against the DC 10.3 spec. */
    public static JiraSpecValidator dataCenter() {
        return new JiraSpecValidator();
    }

    /** Violations of the request (and, when {@code status > 0}, of the response); empty when it conforms. */
    public List<String> validate(HttpExchangeRecord exchange) {
        return List.of();
    }

    /** Violations of the request alone. */
    public List<String> validateRequest(HttpExchangeRecord exchange) {
        return List.of();
    }
}
