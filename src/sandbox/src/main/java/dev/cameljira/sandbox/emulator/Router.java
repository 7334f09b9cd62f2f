package dev.cameljira.sandbox.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps (method, path regex) to endpoints; a path that matches with the wrong method is answered by the emulator's
 * "method not allowed" error, a path that matches nothing by its "unknown path" error.
 *
 * <p>Unlike {@code dev.cameljira.sandbox.http.Router} (Jira's {@code {placeholder}} segments, most literal route
 * wins), routes here are whole-path regular expressions tried in registration order, as the emulated products'
 * paths need (optional version segments, {@code .json} suffixes).
 *
 * @param <U> the authenticated user type handed to endpoints
 */
public final class Router<U> {

    /** One endpoint: gets the request, the path's captured groups and the user. */
    @FunctionalInterface
    public interface Endpoint<U> {
        /** The response to one call. */
        ApiResponse handle(Call<U> call);
    }

    /** Builds the error thrown when no route fits. */
    @FunctionalInterface
    public interface Miss {
        /** The exception to throw for {@code method} on {@code path}. */
        RuntimeException of(String method, String path);
    }

    /**
     * What an endpoint receives.
     *
     * @param request    the request
     * @param pathParams the route's captured groups, in order ("" for a group that did not take part)
     * @param user       the authenticated user
     * @param <U>        the user type
     */
    public record Call<U>(ApiRequest request, List<String> pathParams, U user) {
        /** A path parameter as a number; {@code invalid} supplies the error when it is not one. */
        public long longParam(int index, Supplier<? extends RuntimeException> invalid) {
            try {
                return Long.parseLong(pathParams.get(index));
            } catch (NumberFormatException e) {
                throw invalid.get();
            }
        }
    }

    private record Route<U>(String method, Pattern pattern, Endpoint<U> endpoint) {
    }

    private final List<Route<U>> routes = new ArrayList<>();
    private final String pathSuffix;
    private final Miss wrongMethod;
    private final Miss unknownPath;

    /**
     * @param pathSuffix  regex appended to every route, e.g. {@code (?:\.json)?}; "" for none
     * @param wrongMethod the error for a known path with another method (a 405)
     * @param unknownPath the error for a path no route matches
     */
    public Router(String pathSuffix, Miss wrongMethod, Miss unknownPath) {
        this.pathSuffix = pathSuffix;
        this.wrongMethod = wrongMethod;
        this.unknownPath = unknownPath;
    }

    /** Registers an endpoint; {@code regex} (plus the suffix) must match the whole path. */
    public Router<U> add(String method, String regex, Endpoint<U> endpoint) {
        routes.add(new Route<>(method, Pattern.compile(regex + pathSuffix), endpoint));
        return this;
    }

    /** Calls the first route matching {@code method} and the request's path. */
    public ApiResponse dispatch(ApiRequest request, String method, U user) {
        boolean pathMatched = false;
        for (Route<U> route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (route.method().equals(method)) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i) == null ? "" : m.group(i));
                }
                return route.endpoint().handle(new Call<>(request, List.copyOf(groups), user));
            }
        }
        throw (pathMatched ? wrongMethod : unknownPath).of(method, request.path());
    }
}
