package dev.cameljira.sandbox.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations of one exchange as readable lines:
 * {@code "POST /rest/api/3/issue request: <rule key>: <message>"} and
 * {@code "GET /rest/api/3/issue/DEMO-1 response 200: <rule key>: <message>"}.
 */
final class Violations {

    private final String method;
    private final String path;
    private final int status;
    private final List<String> lines = new ArrayList<>();

    Violations(String method, String path, int status) {
        this.method = method;
        this.path = path;
        this.status = status;
    }

    void request(String key, String message) {
        lines.add(method + " " + path + " request: " + key + ": " + message);
    }

    void response(String key, String message) {
        lines.add(method + " " + path + " response " + status + ": " + key + ": " + message);
    }

    List<String> list() {
        return List.copyOf(lines);
    }
}
