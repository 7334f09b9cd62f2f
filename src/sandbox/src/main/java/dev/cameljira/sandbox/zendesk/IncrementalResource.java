package dev.cameljira.sandbox.zendesk;

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
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        List<ZendeskStore.Changed> changes = store.ticketsByChange();
        long after;
        if (request.queryValue("cursor").isPresent()) {
            after = decode(request.queryValue("cursor").get());
        } else {
            long startTime = startTime(request);
            after = changes.stream().filter(c -> c.ticket().generatedTimestamp() >= startTime)
                    .mapToLong(ZendeskStore.Changed::sequence).min().orElse(lastSequence(changes) + 1) - 1;
        }
        List<ZendeskStore.Changed> remaining = changes.stream().filter(c -> c.sequence() > after).toList();
        List<ZendeskStore.Changed> page = remaining.subList(0, Math.min(perPage, remaining.size()));
        long position = page.isEmpty() ? Math.max(after, 0) : page.get(page.size() - 1).sequence();
        ObjectNode result = Json.object();
        ArrayNode tickets = result.putArray("tickets");
        page.forEach(c -> tickets.add(ZendeskJson.ticket(c.ticket(), request.baseUrl())));
        String cursor = encode(position);
        result.put("after_cursor", cursor);
        result.put("after_url", request.baseUrl() + "/api/v2/incremental/tickets/cursor.json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "") + "cursor=" + cursor);
        result.putNull("before_cursor");
        result.putNull("before_url");
        result.put("end_of_stream", remaining.size() <= perPage);
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    private ApiResponse timeBased(ApiRequest request) {
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        long startTime = startTime(request);
        List<ZendeskTicket> matching = store.ticketsByChange().stream().map(ZendeskStore.Changed::ticket)
                .filter(t -> t.generatedTimestamp() >= startTime)
                .sorted(Comparator.comparingLong(ZendeskTicket::generatedTimestamp)).toList();
        List<ZendeskTicket> page = matching.subList(0, Math.min(perPage, matching.size()));
        long endTime = page.isEmpty() ? startTime : page.get(page.size() - 1).generatedTimestamp();
        ObjectNode result = Json.object();
        ArrayNode tickets = result.putArray("tickets");
        page.forEach(t -> tickets.add(ZendeskJson.ticket(t, request.baseUrl())));
        result.put("count", page.size());
        result.put("end_of_stream", page.size() < perPage);
        result.put("end_time", endTime);
        result.put("next_page", request.baseUrl() + "/api/v2/incremental/tickets.json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "") + "start_time=" + endTime);
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    private ApiResponse usersCursor(ApiRequest request) {
        requireAdmin(request);
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        List<ZendeskStore.ChangedUser> changes = store.usersByChange();
        long after;
        if (request.queryValue("cursor").isPresent()) {
            after = decode(request.queryValue("cursor").get());
        } else {
            long startTime = startTime(request);
            after = changes.stream().filter(c -> c.user().updatedAt().getEpochSecond() >= startTime)
                    .mapToLong(ZendeskStore.ChangedUser::sequence).min()
                    .orElse(changes.isEmpty() ? 1 : changes.get(changes.size() - 1).sequence() + 1) - 1;
        }
        List<ZendeskStore.ChangedUser> remaining = changes.stream().filter(c -> c.sequence() > after).toList();
        List<ZendeskStore.ChangedUser> page = remaining.subList(0, Math.min(perPage, remaining.size()));
        long position = page.isEmpty() ? Math.max(after, 0) : page.get(page.size() - 1).sequence();
        ObjectNode result = Json.object();
        ArrayNode users = result.putArray("users");
        page.forEach(c -> users.add(ZendeskJson.user(c.user(), request.baseUrl())));
        String cursor = encode(position);
        result.put("after_cursor", cursor);
        result.put("after_url", request.baseUrl() + "/api/v2/incremental/users/cursor.json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "")
                + "cursor=" + cursor);
        result.putNull("before_cursor");
        result.putNull("before_url");
        result.put("end_of_stream", remaining.size() <= perPage);
        return ApiResponse.ok(UsersResource.sideLoad(result, request, store));
    }

    private ApiResponse usersTimeBased(ApiRequest request) {
        requireAdmin(request);
        int perPage = Paging.intParam(request, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        long startTime = startTime(request);
        List<ZendeskUser> matching = store.usersByChange().stream().map(ZendeskStore.ChangedUser::user)
                .filter(u -> u.updatedAt().getEpochSecond() >= startTime)
                .sorted(Comparator.comparing(ZendeskUser::updatedAt)).toList();
        List<ZendeskUser> page = matching.subList(0, Math.min(perPage, matching.size()));
        long endTime = page.isEmpty() ? startTime : page.get(page.size() - 1).updatedAt().getEpochSecond();
        ObjectNode result = Json.object();
        ArrayNode users = result.putArray("users");
        page.forEach(u -> users.add(ZendeskJson.user(u, request.baseUrl())));
        result.put("count", page.size());
        result.put("end_of_stream", page.size() < perPage);
        result.put("end_time", endTime);
        result.put("next_page", request.baseUrl() + "/api/v2/incremental/users.json?"
                + (request.queryValue("per_page").isPresent() ? "per_page=" + perPage + "&" : "")
                + "start_time=" + endTime);
        return ApiResponse.ok(UsersResource.sideLoad(result, request, store));
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

    private static long lastSequence(List<ZendeskStore.Changed> changes) {
        return changes.isEmpty() ? 0 : changes.get(changes.size() - 1).sequence();
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
