package dev.cameljira.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches {@code METHOD /path/with/{params}} routes. Literal segments beat placeholders, so
 * {@code /issue/createmeta/...} wins over {@code /issue/{key}/...}.
 */
public final class Router {

    /**
     * A registered route.
     *
     * @param method    HTTP method
     * @param pattern   path pattern
     * @param anonymous whether it can be called without credentials
     * @param handler   the handler
     */
    public record Route(String method, String pattern, boolean anonymous, Handler handler) {
    }

    /** Result of a look-up: a route and its parameters, or why there is none ({@code status} 404 or 405). */
    public record Match(Route route, Map<String, String> params, int status) {
    }

    private record Compiled(Route route, String[] segments, int literals) {
    }

    private final List<Compiled> routes = new ArrayList<>();

    /** Adds an authenticated route. */
    public Router add(String method, String pattern, Handler handler) {
        return add(method, pattern, false, handler);
    }

    /** Adds a route. */
    public Router add(String method, String pattern, boolean anonymous, Handler handler) {
        String[] segments = split(pattern);
        int literals = 0;
        for (String s : segments) {
            if (!s.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Compiled(new Route(method, pattern, anonymous, handler), segments, literals));
        return this;
    }

    /** Every registered route, in registration order (for audits of the route table). */
    public List<Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    /** Finds the best route for a method and raw path. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        Compiled best = null;
        boolean pathMatched = false;
        for (Compiled c : routes) {
            if (c.segments.length != segments.length || !matches(c.segments, segments)) {
                continue;
            }
            pathMatched = true;
            if (c.route.method().equals(method) && (best == null || c.literals > best.literals)) {
                best = c;
            }
        }
        if (best == null) {
            return new Match(null, Map.of(), pathMatched ? 405 : 404);
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = best.segments[i];
            if (s.startsWith("{")) {
                params.put(s.substring(1, s.length() - 1), decode(segments[i]));
            }
        }
        return new Match(best.route, params, 200);
    }

    private static boolean matches(String[] pattern, String[] path) {
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].startsWith("{") && !pattern[i].equals(path[i])) {
                return false;
            }
            if (path[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static String decode(String s) {
        return s.indexOf('%') < 0 ? s : java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
