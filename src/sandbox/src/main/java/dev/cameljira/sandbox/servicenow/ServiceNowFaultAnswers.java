package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.FaultAnswers;
import dev.cameljira.sandbox.http.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's injected faults on ServiceNow paths, answered as ServiceNow does. Over the rate limit: 429
 * {@code {"error": {"message": "Rate limit exceeded", "detail": "Rate limit of N requests per second for Table API
 * exceeded"}, "status": "failure"}} with {@code Retry-After} (seconds), {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Reset} (Unix time of the next window) and {@code X-RateLimit-Rule} (the sys_id of the rule), as
 * ServiceNow's inbound REST API rate limiting documents (whose rules count per hour, the sandbox's per second).
 * Injected failures use the same {@code {"error": {message, detail}, "status": "failure"}} body (the OAuth endpoint:
 * {@code {"error", "error_description"}}); 401 adds {@code WWW-Authenticate}, 429 and 503 add {@code Retry-After}.
 */
final class ServiceNowFaultAnswers implements FaultAnswers {
    /** The sys_id X-RateLimit-Rule names: the sandbox's one rate limit rule. */
    static final String RATE_LIMIT_RULE_SYS_ID = "5a3f0e2c1b9a40d08c6e2f7d4b1a9c01";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Pattern API = Pattern.compile("/api/now(?:/v\\d+)?/([a-z_]+).*");

    @Override
    public boolean serves(String path) {
        return path.startsWith("/api/now/") || path.startsWith("/oauth_token.do");
    }

    @Override
    public ApiResponse rateLimited(String path, int limitPerSecond, Instant reset, int retryAfterSeconds) {
        long resetEpoch = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
        return answer(path, 429, "Rate limit exceeded", "Rate limit of " + limitPerSecond
                + " requests per second for " + apiName(path) + " exceeded")
                .header("Retry-After", String.valueOf(retryAfterSeconds))
                .header("X-RateLimit-Limit", String.valueOf(limitPerSecond))
                .header("X-RateLimit-Reset", String.valueOf(resetEpoch))
                .header("X-RateLimit-Rule", RATE_LIMIT_RULE_SYS_ID);
    }

    @Override
    public ApiResponse failed(String path, int status, int retryAfterSeconds) {
        ApiResponse response = switch (status) {
            case 401 -> answer(path, status, "User Not Authenticated", "Required to provide Auth information")
                    .header("WWW-Authenticate", "BASIC realm=\"Service-now\"");
            case 403 -> answer(path, status, "Operation Failed", "Injected failure (HTTP 403)");
            case 404 -> answer(path, status, "No Record found",
                    "Record doesn't exist or ACL restricts the record retrieval");
            case 429 -> answer(path, status, "Rate limit exceeded", "Rate limit for " + apiName(path) + " exceeded");
            case 500 -> answer(path, status, "Internal server error", "Injected failure (HTTP 500)");
            case 503 -> answer(path, status, "Service Unavailable", "Injected failure (HTTP 503)");
            default -> answer(path, status, "Injected failure", "HTTP " + status);
        };
        return status == 429 || status == 503
                ? response.header("Retry-After", String.valueOf(retryAfterSeconds)) : response;
    }

    private static ApiResponse answer(String path, int status, String message, String detail) {
        ObjectNode body = Json.object();
        if (path.startsWith("/oauth_token.do")) {
            body.put("error", status == 429 || status == 503 ? "temporarily_unavailable" : "server_error");
            body.put("error_description", message);
        } else {
            body.putObject("error").put("message", message).put("detail", detail);
            body.put("status", "failure");
        }
        return ApiResponse.bytes(status, JSON, Json.bytes(body));
    }

    /** "Table API", "Attachment API", ... as ServiceNow names the API a rule limits. */
    private static String apiName(String path) {
        Matcher m = API.matcher(path);
        if (!m.matches()) {
            return "OAuth token endpoint";
        }
        return switch (m.group(1)) {
            case "table" -> "Table API";
            case "attachment" -> "Attachment API";
            default -> "REST API";
        };
    }
}
