package dev.cameljira.jira.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps an error response to the typed exception with a message that says what to do. */
final class JiraErrors {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private JiraErrors() {
    }

    static JiraApiException toException(JiraRequest request, String url, JiraResponse response, ObjectMapper mapper,
                                        Duration retryAfter, JiraAuth auth, int retries, String extra) {
        int status = response.status();
        List<String> messages = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        readErrorBody(response, mapper, messages, errors);

        String call = request.method() + " " + url;
        String subject = request.subject();
        StringBuilder msg = new StringBuilder();
        switch (status) {
            case 400 -> msg.append("Jira rejected ").append(call).append(" (400 Bad Request)")
                    .append(errors.isEmpty() ? "" : "; invalid fields: " + String.join(", ", errors.keySet()));
            case 401 -> msg.append("Jira did not accept the credentials (401 Unauthorized) for ").append(call).append(" using ")
                    .append(auth.describe())
                    .append(": check username with apiToken (Jira Cloud: your e-mail and an API token) or password (Data Center),"
                            + " or accessToken (Data Center personal access token, OAuth 2.0 bearer)");
            case 403 -> msg.append("Jira refused ").append(call).append(" (403 Forbidden) for ").append(auth.describe())
                    .append(": the user lacks the permission this needs")
                    .append(subject == null ? "" : " on " + subject)
                    .append(" (e.g. Browse Projects, Create Issues, Administer Projects, or the Jira Administrators global permission)");
            case 404 -> msg.append(subject == null ? "Not found" : capitalize(subject) + " not found")
                    .append(" (404) at ").append(call).append(": it does not exist or the user cannot see it");
            case 407 -> msg.append("The HTTP proxy refused ").append(call)
                    .append(" (407 Proxy Authentication Required): set proxyUsername and proxyPassword, or check them");
            case 410 -> msg.append("Jira has removed the API ").append(request.method()).append(' ').append(request.path())
                    .append(" (410 Gone)").append(removedHint(request.path()));
            case 429 -> msg.append("Jira rate-limited ").append(call).append(" (429 Too Many Requests)")
                    .append(response.header("RateLimit-Reason") == null ? "" : ", reason " + response.header("RateLimit-Reason"));
            default -> msg.append("Jira answered ").append(status).append(" to ").append(call);
        }
        if (retries > 0) {
            msg.append(" after ").append(retries).append(retries == 1 ? " retry" : " retries");
        }
        if (extra != null) {
            msg.append("; ").append(extra);
        }
        if (!messages.isEmpty()) {
            msg.append(": ").append(String.join("; ", messages));
        }
        if (!errors.isEmpty()) {
            StringBuilder fe = new StringBuilder();
            errors.forEach((k, v) -> fe.append(fe.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
            msg.append(messages.isEmpty() ? ": " : " | ").append(fe);
        }
        if (messages.isEmpty() && errors.isEmpty() && response.hasBody() && status != 401 && status != 407) {
            String body = response.bodyAsString().strip();
            if (!body.isEmpty() && !body.startsWith("<")) {
                msg.append(": ").append(body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "..." : body);
            }
        }
        return JiraApiException.of(msg.toString(), status, request.method(), url, messages, errors, retryAfter);
    }

    private static String removedHint(String path) {
        if (path.matches(".*/rest/api/[23]/search/?$")) {
            return ": Jira Cloud retired /search; use /rest/api/3/search/jql with nextPageToken (this component's searchIssues"
                   + " does so when deployment is cloud or auto-detected)";
        }
        return "";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void readErrorBody(JiraResponse response, ObjectMapper mapper, List<String> messages, Map<String, String> errors) {
        if (!response.hasBody()) {
            return;
        }
        JsonNode node;
        try {
            node = mapper.readTree(response.body());
        } catch (IOException e) {
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        JsonNode em = node.get("errorMessages");
        if (em != null && em.isArray()) {
            em.forEach(m -> messages.add(m.asText()));
        }
        JsonNode er = node.get("errors");
        if (er != null && er.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = er.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                errors.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        for (String k : new String[] { "message", "errorMessage" }) {
            JsonNode m = node.get(k);
            if (m != null && m.isTextual() && !m.asText().isBlank()) {
                messages.add(m.asText());
            }
        }
    }
}
