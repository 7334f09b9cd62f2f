package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.emulator.ApiRequest;
import dev.cameljira.sandbox.emulator.ApiResponse;
import dev.cameljira.sandbox.emulator.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** /api/v2/tickets: create, show, show_many, list (by external_id too), update, delete, and their comments. */
final class TicketsResource {
    private static final String ID = "(\\d+)";

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

    void register(Router<ZendeskUser> router) {
        router.add("GET", "/api/v2/tickets", this::list)
                .add("POST", "/api/v2/tickets", this::create)
                .add("GET", "/api/v2/tickets/show_many", this::showMany)
                .add("GET", "/api/v2/tickets/" + ID, this::show)
                .add("PUT", "/api/v2/tickets/" + ID, this::update)
                .add("DELETE", "/api/v2/tickets/" + ID, this::delete)
                .add("GET", "/api/v2/tickets/" + ID + "/comments", this::comments);
    }

    private ApiResponse list(Router.Call<ZendeskUser> call) {
        ApiRequest request = call.request();
        List<ZendeskTicket> tickets = store.tickets();
        String externalId = request.param("external_id").orElse(null);
        if (externalId != null) {
            tickets = tickets.stream().filter(t -> externalId.equals(t.externalId())).toList();
        }
        if ("desc".equalsIgnoreCase(request.param("sort_order").orElse("asc"))) {
            tickets = tickets.stream().sorted(Comparator.comparingLong(ZendeskTicket::id).reversed()).toList();
        }
        return ApiResponse.ok(Paging.page(request, "tickets", tickets, ZendeskTicket::id,
                t -> ZendeskJson.ticket(t, request.baseUrl())));
    }

    private ApiResponse create(Router.Call<ZendeskUser> call) {
        TicketDraft draft = TicketJsonReader.draft(TicketJsonReader.root(call.request(), "ticket"));
        TicketMutation m = write.apply(() -> store.createTicket(draft, call.user()));
        String url = call.request().baseUrl() + "/api/v2/tickets/" + m.after().id() + ".json";
        return ApiResponse.json(201, ticketAndAudit(m, call.request().baseUrl())).withHeader("Location", url);
    }

    private ApiResponse showMany(Router.Call<ZendeskUser> call) {
        String ids = call.request().param("ids").orElseThrow(() -> ApiException.badRequest("ids is required"));
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("tickets");
        Arrays.stream(ids.split(",")).map(String::trim).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong)
                .map(store::ticket).flatMap(java.util.Optional::stream)
                .forEach(t -> array.add(ZendeskJson.ticket(t, call.request().baseUrl())));
        return ApiResponse.ok(result);
    }

    private ApiResponse show(Router.Call<ZendeskUser> call) {
        ZendeskTicket ticket = store.ticket(ticketId(call)).orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("ticket", ZendeskJson.ticket(ticket, call.request().baseUrl()));
        return ApiResponse.ok(result);
    }

    private ApiResponse update(Router.Call<ZendeskUser> call) {
        long id = ticketId(call);
        store.ticket(id).orElseThrow(ApiException::notFound);
        TicketUpdate update = TicketJsonReader.update(TicketJsonReader.root(call.request(), "ticket"));
        TicketMutation m = write.apply(() -> store.updateTicket(id, update, call.user()));
        return ApiResponse.ok(ticketAndAudit(m, call.request().baseUrl()));
    }

    private ApiResponse delete(Router.Call<ZendeskUser> call) {
        long id = ticketId(call);
        write.apply(() -> store.deleteTicket(id, call.user()));
        return ApiResponse.noContent();
    }

    private ApiResponse comments(Router.Call<ZendeskUser> call) {
        ApiRequest request = call.request();
        long id = ticketId(call);
        store.ticket(id).orElseThrow(ApiException::notFound);
        List<ZendeskComment> comments = store.comments(id);
        String sort = request.param("sort").orElse(null);
        boolean descending = "desc".equalsIgnoreCase(request.param("sort_order").orElse("asc"))
                || "-created_at".equals(sort);
        if (descending) {
            comments = comments.stream().sorted(Comparator.comparingLong(ZendeskComment::id).reversed()).toList();
        }
        return ApiResponse.ok(Paging.page(request, "comments", comments, ZendeskComment::id,
                c -> ZendeskJson.comment(c, request.baseUrl())));
    }

    private static ObjectNode ticketAndAudit(TicketMutation m, String baseUrl) {
        ObjectNode result = Json.object();
        result.set("ticket", ZendeskJson.ticket(m.after(), baseUrl));
        if (m.changedAnything()) {
            result.set("audit", ZendeskJson.audit(m, baseUrl));
        }
        return Objects.requireNonNull(result);
    }

    private static long ticketId(Router.Call<ZendeskUser> call) {
        return call.longParam(0, ApiException::notFound);
    }
}
