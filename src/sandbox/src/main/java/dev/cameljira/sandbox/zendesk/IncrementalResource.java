package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Zendesk's incremental ticket exports, deleted tickets included (status "deleted"):
 * <ul>
 *   <li>cursor-based {@code /api/v2/incremental/tickets/cursor.json?start_time=|cursor=}: answers {@code after_cursor},
 *   {@code after_url} and {@code end_of_stream}; the cursor follows the order of changes, so a change made after a
 *   page was read is never skipped, even within the same second;</li>
 *   <li>time-based {@code /api/v2/incremental/tickets.json?start_time=}: answers {@code end_time} (the last ticket's
 *   generated_timestamp), {@code next_page}, {@code count} and {@code end_of_stream} (count &lt; per_page); like
 *   Zendesk, tickets sharing the boundary second come again on the next page.</li>
 * </ul>
 * Both take the side-loads {@code include=users,groups,organizations} ({@link SideLoads}). The same two exports exist
 * for users ({@code /api/v2/incremental/users[/cursor]}, admins only as Zendesk states, else 403): every user whose
 * last change (create, update, suspension, deletion) is at or after {@code start_time}, deleted users included
 * ({@code active: false}), ordered by change; side-loads {@code include=identities,groups,organizations}.
 * {@code per_page} defaults to 1000 (the maximum). The one-minute minimum age Zendesk demands of start_time is not
 * enforced; a start_time in the future is a 400.
 */
final class IncrementalResource {
    private static final int MAX_PER_PAGE = 1000;

    private final ZendeskStore store;

    IncrementalResource(ZendeskStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/incremental/tickets/cursor", this::cursor)
                .add("GET", "/api/v2/incremental/tickets", this::timeBased)
                .add("GET", "/api/v2/incremental/users/cursor", this::usersCursor)
                .add("GET", "/api/v2/incremental/users", this::usersTimeBased);
    }

    private ApiResponse cursor(ApiRequest request) {
        return ApiResponse.ok(SideLoads.add(cursorPage(request, "tickets", store.ticketsByChange(),
                ZendeskStore.Changed::sequence, c -> c.ticket().generatedTimestamp(),
                c -> ZendeskJson.ticket(c.ticket(), request.baseUrl())), request, store));
    }

    private ApiResponse timeBased(ApiRequest request) {
        List<ZendeskTicket> tickets = store.ticketsByChange().stream().map(ZendeskStore.Changed::ticket).toList();
        return ApiResponse.ok(SideLoads.add(timePage(request, "tickets", tickets,
                Comparator.comparingLong(ZendeskTicket::generatedTimestamp), ZendeskTicket::generatedTimestamp,
                t -> ZendeskJson.ticket(t, request.baseUrl())), request, store));
    }

    private ApiResponse usersCursor(ApiRequest request) {
        requireAdmin(request);
        return ApiResponse.ok(SideLoads.addToUsers(cursorPage(request, "users", store.usersByChange(),
                ZendeskStore.ChangedUser::sequence, c -> c.user().updatedAt().getEpochSecond(),
                c -> ZendeskJson.user(c.user(), request.baseUrl())), request, store));
    }

    private ApiResponse usersTimeBased(ApiRequest request) {
        requireAdmin(request);
        List<ZendeskUser> users = store.usersByChange().stream().map(ZendeskStore.ChangedUser::user).toList();
        return ApiResponse.ok(SideLoads.addToUsers(timePage(request, "users", users,
                Comparator.comparing(ZendeskUser::updatedAt), u -> u.updatedAt().getEpochSecond(),
                u -> ZendeskJson.user(u, request.baseUrl())), request, store));
    }

    /**
     * One page of a cursor-based export of {@code name} ({@code /api/v2/incremental/<name>/cursor.json}): the changes
     * after the cursor, or from the first change at or after {@code start_time}, in the order they were made.
     *
     * @param changes every change, in order
     */
    private <C> ObjectNode cursorPage(ApiRequest request, String name, List<C> changes, ToLongFunction<C> sequence,
                                      ToLongFunction<C> changedAt, Function<C, JsonNode> render) {
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        long after;
        if (request.queryValue("cursor").isPresent()) {
            after = decode(request.queryValue("cursor").get());
        } else {
            long startTime = startTime(request);
            long last = changes.isEmpty() ? 0 : sequence.applyAsLong(changes.get(changes.size() - 1));
            after = changes.stream().filter(c -> changedAt.applyAsLong(c) >= startTime).mapToLong(sequence).min()
                    .orElse(last + 1) - 1;
        }
        List<C> remaining = changes.stream().filter(c -> sequence.applyAsLong(c) > after).toList();
        List<C> page = remaining.subList(0, Math.min(perPage, remaining.size()));
        long position = page.isEmpty() ? Math.max(after, 0) : sequence.applyAsLong(page.get(page.size() - 1));
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray(name);
        page.forEach(c -> items.add(render.apply(c)));
        String cursor = encode(position);
        result.put("after_cursor", cursor);
        result.put("after_url", request.baseUrl() + "/api/v2/incremental/" + name + "/cursor.json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "") + "cursor=" + cursor);
        result.putNull("before_cursor");
        result.putNull("before_url");
        result.put("end_of_stream", remaining.size() <= perPage);
        return result;
    }

    /**
     * One page of a time-based export of {@code name} ({@code /api/v2/incremental/<name>.json}): the items changed at
     * or after {@code start_time}, oldest first; {@code end_time} is the last one's (the start of the next page).
     */
    private <T> ObjectNode timePage(ApiRequest request, String name, List<T> items, Comparator<T> order,
                                    ToLongFunction<T> changedAt, Function<T, JsonNode> render) {
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        long startTime = startTime(request);
        List<T> matching = items.stream().filter(t -> changedAt.applyAsLong(t) >= startTime).sorted(order).toList();
        List<T> page = matching.subList(0, Math.min(perPage, matching.size()));
        long endTime = page.isEmpty() ? startTime : changedAt.applyAsLong(page.get(page.size() - 1));
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray(name);
        page.forEach(t -> array.add(render.apply(t)));
        result.put("count", page.size());
        result.put("end_of_stream", page.size() < perPage);
        result.put("end_time", endTime);
        result.put("next_page", request.baseUrl() + "/api/v2/incremental/" + name + ".json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "") + "start_time=" + endTime);
        return result;
    }

    private static void requireAdmin(ApiRequest request) {
        if (request.principal(ZendeskUser.class).role() != ZendeskRole.ADMIN) {
            throw ApiException.forbidden(UsersResource.FORBIDDEN);
        }
    }

    private long startTime(ApiRequest request) {
        String raw = request.queryValue("start_time").orElseThrow(() -> ApiException.badRequest(
                "start_time is required (unix epoch seconds)"));
        long startTime;
        try {
            startTime = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("start_time must be unix epoch seconds, got '" + raw + "'");
        }
        if (startTime > store.now().getEpochSecond()) {
            throw ApiException.badRequest("start_time " + startTime + " is in the future");
        }
        return startTime;
    }

    private static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("seq:" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("seq:")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(4));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid cursor '" + cursor + "'");
        }
    }
}
