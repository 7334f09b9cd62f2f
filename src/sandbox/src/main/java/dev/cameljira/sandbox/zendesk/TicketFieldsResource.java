package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import java.util.Comparator;
import java.util.List;

/**
 * /api/v2/ticket_fields, as Zendesk's Ticket Fields reference describes it: the list (anyone; end users see only the
 * fields visible in the portal; unpaged by position, or by cursor ({@code page[size]}) in id order), one field, the
 * count, and {@code POST} to add a custom field (admins). Updating, deleting and reordering fields, and their options
 * endpoints, are not emulated (405 / 404).
 */
final class TicketFieldsResource {
    private final TicketFields fields;
    private final ZendeskStore store;

    TicketFieldsResource(TicketFields fields, ZendeskStore store) {
        this.fields = fields;
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/ticket_fields", this::list)
                .add("POST", "/api/v2/ticket_fields", this::create)
                .add("GET", "/api/v2/ticket_fields/count", this::count)
                .add("GET", "/api/v2/ticket_fields/{id:\\d+}", this::show);
    }

    private List<ZendeskTicketField> visible(ApiRequest request) {
        boolean staff = request.principal(ZendeskUser.class).role().isStaff();
        return fields.all().stream().filter(f -> staff || f.type().equals("subject") || f.type().equals("description"))
                .toList();
    }

    private ApiResponse list(ApiRequest request) {
        List<ZendeskTicketField> all = visible(request);
        if (request.query().keySet().stream().anyMatch(k -> k.startsWith("page["))) {
            List<ZendeskTicketField> byId = all.stream().sorted(Comparator.comparingLong(ZendeskTicketField::id))
                    .toList();
            return ApiResponse.ok(Paging.cursorPage(request, "ticket_fields", byId, ZendeskTicketField::id,
                    f -> ZendeskJson.ticketField(f, request.baseUrl()), true));
        }
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("ticket_fields");
        all.stream().sorted(Comparator.comparingInt(ZendeskTicketField::position))
                .forEach(f -> array.add(ZendeskJson.ticketField(f, request.baseUrl())));
        return ApiResponse.ok(result);
    }

    private ApiResponse show(ApiRequest request) {
        long id = request.longParam("id", ApiException::notFound);
        ZendeskTicketField field = visible(request).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("ticket_field", ZendeskJson.ticketField(field, request.baseUrl()));
        return ApiResponse.ok(result);
    }

    private ApiResponse count(ApiRequest request) {
        ObjectNode result = Json.object();
        result.putObject("count").put("value", visible(request).size())
                .put("refreshed_at", ZendeskJson.time(store.now()));
        return ApiResponse.ok(result);
    }

    private ApiResponse create(ApiRequest request) {
        if (request.principal(ZendeskUser.class).role() != ZendeskRole.ADMIN) {
            throw ApiException.forbidden(UsersResource.FORBIDDEN);
        }
        ZendeskTicketField field = fields.add(TicketJsonReader.root(request, "ticket_field"));
        ObjectNode result = Json.object();
        result.set("ticket_field", ZendeskJson.ticketField(field, request.baseUrl()));
        return ApiResponse.json(201, result).header("Location",
                request.baseUrl() + "/api/v2/ticket_fields/" + field.id() + ".json");
    }
}
