package dev.cameljira.sandbox.zendesk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps (method, path regex) to endpoints; a matching path with the wrong method answers 405. */
final class Router {

    /** One endpoint: gets the request and the path's captured groups. */
    @FunctionalInterface
    interface Endpoint {
        ApiResponse handle(Call call);
    }

    /** What an endpoint receives: the request, path parameters and the authenticated user. */
    record Call(ApiRequest request, List<String> pathParams, ZendeskUser user) {
        long longParam(int index) {
            try {
                return Long.parseLong(pathParams.get(index));
            } catch (NumberFormatException e) {
                throw ApiException.notFound();
            }
        }
    }

    private record Route(String method, Pattern pattern, Endpoint endpoint) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Registers an endpoint; {@code regex} must match the whole path ("(?:\\.json)?" is appended). */
    Router add(String method, String regex, Endpoint endpoint) {
        routes.add(new Route(method, Pattern.compile(regex + "(?:\\.json)?"), endpoint));
        return this;
    }

    ApiResponse dispatch(ApiRequest request, ZendeskUser user) {
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (route.method().equals(request.method())) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i));
                }
                return route.endpoint().handle(new Call(request, List.copyOf(groups), user));
            }
        }
        if (pathMatched) {
            throw new ApiException(405, "MethodNotAllowed", request.method() + " is not allowed on " + request.path());
        }
        throw new ApiException(404, "InvalidEndpoint", "Not found");
    }
}
