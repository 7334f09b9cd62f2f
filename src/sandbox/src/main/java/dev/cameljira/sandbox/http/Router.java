package dev.cameljira.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches {@code METHOD /path/with/{params}} routes, for every emulated product. Literal segments beat placeholders,
 * so {@code /issue/createmeta/...} wins over {@code /issue/{key}/...}. A placeholder may constrain its segment with a
 * regular expression, {@code {id:\\d+}}: a segment that does not match it does not match the route (Zendesk's numeric
 * ids, ServiceNow's {@code v1|v2} version segment). A miss says whether the path is unknown (404) or known with
 * another method (405); each product answers those in its own error shape.
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

    private record Compiled(Route route, String[] segments, String[] names, Pattern[] constraints, int literals) {
    }

    /** Builds a product's error for a request no route answers. */
    @FunctionalInterface
    public interface Miss {
        /** The error for {@code method} on {@code path}. */
        HttpError of(String method, String path);
    }

    private final List<Compiled> routes = new ArrayList<>();
    private final Miss wrongMethod;
    private final Miss unknownPath;

    /** A router whose caller answers misses itself (see {@link #match}). */
    public Router() {
        this(null, null);
    }

    /**
     * A router that {@link #dispatch}es and answers misses in its product's shape.
     *
     * @param wrongMethod the error for a known path asked with another method (a 405)
     * @param unknownPath the error for a path no route matches
     */
    public Router(Miss wrongMethod, Miss unknownPath) {
        this.wrongMethod = wrongMethod;
        this.unknownPath = unknownPath;
    }

    /** Adds an authenticated route. */
    public Router add(String method, String pattern, Handler handler) {
        return add(method, pattern, false, handler);
    }

    /** Adds a route. */
    public Router add(String method, String pattern, boolean anonymous, Handler handler) {
        String[] segments = split(pattern);
        String[] names = new String[segments.length];
        Pattern[] constraints = new Pattern[segments.length];
        int literals = 0;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (!s.startsWith("{")) {
                literals++;
                continue;
            }
            String inner = s.substring(1, s.length() - 1);
            int colon = inner.indexOf(':');
            names[i] = colon < 0 ? inner : inner.substring(0, colon);
            constraints[i] = colon < 0 ? null : Pattern.compile(inner.substring(colon + 1));
        }
        routes.add(new Compiled(new Route(method, pattern, anonymous, handler), segments, names, constraints, literals));
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
            if (c.segments.length != segments.length || !matches(c, segments)) {
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
            if (best.names[i] != null) {
                params.put(best.names[i], decode(segments[i]));
            }
        }
        return new Match(best.route, params, 200);
    }

    /**
     * Answers {@code request} with the best route for {@code method} (which may differ from the request's, e.g. after
     * {@code X-HTTP-Method-Override}), handing it the route's parameters and {@code principal}; a miss throws the
     * product's error.
     */
    public ApiResponse dispatch(ApiRequest request, String method, Object principal) {
        Match match = match(method, request.path());
        if (match.route() == null) {
            throw (match.status() == 405 ? wrongMethod : unknownPath).of(method, request.path());
        }
        return match.route().handler().handle(request.withPathParams(match.params()).withPrincipal(principal));
    }

    private static boolean matches(Compiled c, String[] path) {
        for (int i = 0; i < c.segments.length; i++) {
            if (path[i].isEmpty()) {
                return false;
            }
            if (c.names[i] == null) {
                if (!c.segments[i].equals(path[i])) {
                    return false;
                }
            } else if (c.constraints[i] != null && !c.constraints[i].matcher(decode(path[i])).matches()) {
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
