package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * /api/v2/tickets: create, show, show_many, list (by external_id too), update, delete, their comments and their tags
 * ({@code GET}; {@code POST} sets, {@code PUT} adds, {@code DELETE} removes; safe_update honoured). Reads
 * side-load {@code include=users,groups,organizations} (see {@link SideLoads}).
 */
final class TicketsResource {
    private static final String ID = "{id:\\d+}";

    private final ZendeskStore store;
    private final Function<Supplier<TicketMutation>, TicketMutation> write;

    /**
     * @param store the account
     * @param write runs one ticket write and publishes its events, atomically (events leave in write order)
     */
    TicketsResource(ZendeskStore store, Function<Supplier<TicketMutation>, TicketMutation> write) {
        this.store = store;
        this.write = write;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/tickets", this::list)
                .add("POST", "/api/v2/tickets", this::create)
                .add("GET", "/api/v2/tickets/show_many", this::showMany)
                .add("GET", "/api/v2/tickets/" + ID, this::show)
                .add("PUT", "/api/v2/tickets/" + ID, this::update)
                .add("DELETE", "/api/v2/tickets/" + ID, this::delete)
                .add("GET", "/api/v2/tickets/" + ID + "/comments", this::comments)
                .add("GET", "/api/v2/tickets/" + ID + "/tags", this::tags)
                .add("POST", "/api/v2/tickets/" + ID + "/tags", this::changeTags)
                .add("PUT", "/api/v2/tickets/" + ID + "/tags", this::changeTags)
                .add("DELETE", "/api/v2/tickets/" + ID + "/tags", this::changeTags);
    }

    private ApiResponse list(ApiRequest request) {
        List<ZendeskTicket> tickets = store.tickets();
        String externalId = request.queryValue("external_id").orElse(null);
        if (externalId != null) {
            tickets = tickets.stream().filter(t -> externalId.equals(t.externalId())).toList();
        }
        if ("desc".equalsIgnoreCase(request.queryValue("sort_order").orElse("asc"))) {
            tickets = tickets.stream().sorted(Comparator.comparingLong(ZendeskTicket::id).reversed()).toList();
        }
        return ApiResponse.ok(SideLoads.add(Paging.page(request, "tickets", tickets, ZendeskTicket::id,
                t -> ZendeskJson.ticket(t, request.baseUrl())), request, store));
    }

    private ApiResponse create(ApiRequest request) {
        TicketDraft draft = TicketJsonReader.draft(TicketJsonReader.root(request, "ticket"));
        TicketMutation m = write.apply(() -> store.createTicket(draft, request.principal(ZendeskUser.class)));
        String url = request.baseUrl() + "/api/v2/tickets/" + m.after().id() + ".json";
        return ApiResponse.json(201, ticketAndAudit(m, request.baseUrl())).header("Location", url);
    }

    private ApiResponse showMany(ApiRequest request) {
        String ids = request.queryValue("ids").orElseThrow(() -> ApiException.badRequest("ids is required"));
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("tickets");
        Arrays.stream(ids.split(",")).map(String::trim).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong)
                .map(store::ticket).flatMap(java.util.Optional::stream)
                .forEach(t -> array.add(ZendeskJson.ticket(t, request.baseUrl())));
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    private ApiResponse show(ApiRequest request) {
        ZendeskTicket ticket = store.ticket(ticketId(request)).orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("ticket", ZendeskJson.ticket(ticket, request.baseUrl()));
        return ApiResponse.ok(SideLoads.add(result, request, store));
    }

    private ApiResponse update(ApiRequest request) {
        long id = ticketId(request);
        store.ticket(id).orElseThrow(ApiException::notFound);
        TicketUpdate update = TicketJsonReader.update(TicketJsonReader.root(request, "ticket"));
        TicketMutation m = write.apply(() -> store.updateTicket(id, update, request.principal(ZendeskUser.class)));
        return ApiResponse.ok(ticketAndAudit(m, request.baseUrl()));
    }

    private ApiResponse delete(ApiRequest request) {
        long id = ticketId(request);
        write.apply(() -> store.deleteTicket(id, request.principal(ZendeskUser.class)));
        return ApiResponse.noContent();
    }

    private ApiResponse comments(ApiRequest request) {
        long id = ticketId(request);
        store.ticket(id).orElseThrow(ApiException::notFound);
        List<ZendeskComment> comments = store.comments(id);
        String sort = request.queryValue("sort").orElse(null);
        boolean descending = "desc".equalsIgnoreCase(request.queryValue("sort_order").orElse("asc"))
                || "-created_at".equals(sort);
        if (descending) {
            comments = comments.stream().sorted(Comparator.comparingLong(ZendeskComment::id).reversed()).toList();
        }
        return ApiResponse.ok(SideLoads.add(Paging.page(request, "comments", comments, ZendeskComment::id,
                c -> ZendeskJson.comment(c, request.baseUrl())), request, store));
    }

    private ApiResponse tags(ApiRequest request) {
        ZendeskTicket ticket = store.ticket(ticketId(request)).orElseThrow(ApiException::notFound);
        return ApiResponse.ok(tagList(ticket));
    }

    /** POST sets the tags (201), PUT adds to them, DELETE removes some; all answer the ticket's tags after. */
    private ApiResponse changeTags(ApiRequest request) {
        long id = ticketId(request);
        store.ticket(id).orElseThrow(ApiException::notFound);
        TicketJsonReader.TagChange change = TicketJsonReader.tagChange(request);
        List<String> tags = change.tags();
        String method = request.method();
        TicketUpdate update = new TicketUpdate(null, null, null, null, null, null, null, null, null,
                method.equals("POST") ? tags : null, method.equals("PUT") ? tags : null,
                method.equals("DELETE") ? tags : null, null, null, null, change.safeUpdate(), change.updatedStamp());
        TicketMutation m = write.apply(() -> store.updateTicket(id, update, request.principal(ZendeskUser.class)));
        return ApiResponse.json(method.equals("POST") ? 201 : 200, tagList(m.after()));
    }

    private static ObjectNode tagList(ZendeskTicket ticket) {
        ObjectNode result = Json.object();
        ArrayNode tags = result.putArray("tags");
        ticket.tags().forEach(tags::add);
        return result;
    }

    private static ObjectNode ticketAndAudit(TicketMutation m, String baseUrl) {
        ObjectNode result = Json.object();
        result.set("ticket", ZendeskJson.ticket(m.after(), baseUrl));
        if (m.changedAnything()) {
            result.set("audit", ZendeskJson.audit(m, baseUrl));
        }
        return Objects.requireNonNull(result);
    }

    private static long ticketId(ApiRequest request) {
        return request.longParam("id", ApiException::notFound);
    }
}
