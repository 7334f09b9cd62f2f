package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * /api/v2/tickets: create, show, show_many, list (by external_id too), update, delete, the bulk create_many,
 * update_many and destroy_many (answering a {@link JobStatuses job status}), their comments, their tags
 * ({@code GET}; {@code POST} sets, {@code PUT} adds, {@code DELETE} removes; safe_update honoured), and a user's
 * requested / assigned / CC'd tickets. Reads side-load {@code include=users,groups,organizations} (see
 * {@link SideLoads}).
 */
final class TicketsResource {
    private static final String ID = "{id:\\d+}";

    /** The most items one bulk call takes (Zendesk: 100). */
    static final int MAX_BULK = 100;

    private final ZendeskStore store;
    private final Function<Supplier<TicketMutation>, TicketMutation> write;
    private final JobStatuses jobs;

    /**
     * @param store the account
     * @param write runs one ticket write and publishes its events, atomically (events leave in write order)
     * @param jobs  where the bulk endpoints record their jobs
     */
    TicketsResource(ZendeskStore store, Function<Supplier<TicketMutation>, TicketMutation> write, JobStatuses jobs) {
        this.store = store;
        this.write = write;
        this.jobs = jobs;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/tickets", this::list)
                .add("POST", "/api/v2/tickets", this::create)
                .add("GET", "/api/v2/tickets/show_many", this::showMany)
                .add("POST", "/api/v2/tickets/create_many", this::createMany)
                .add("PUT", "/api/v2/tickets/update_many", this::updateMany)
                .add("DELETE", "/api/v2/tickets/destroy_many", this::destroyMany)
                .add("GET", "/api/v2/tickets/" + ID, this::show)
                .add("PUT", "/api/v2/tickets/" + ID, this::update)
                .add("DELETE", "/api/v2/tickets/" + ID, this::delete)
                .add("GET", "/api/v2/tickets/" + ID + "/comments", this::comments)
                .add("GET", "/api/v2/tickets/" + ID + "/audits", this::audits)
                .add("GET", "/api/v2/tickets/" + ID + "/audits/count", this::auditCount)
                .add("GET", "/api/v2/tickets/" + ID + "/audits/{audit:\\d+}", this::audit)
                .add("GET", "/api/v2/users/" + ID + "/tickets/requested", r -> userTickets(r,
                        (t, user) -> t.requesterId() == user))
                .add("GET", "/api/v2/users/" + ID + "/tickets/assigned", r -> userTickets(r,
                        (t, user) -> user.equals(t.assigneeId())))
                .add("GET", "/api/v2/users/" + ID + "/tickets/ccd", r -> userTickets(r, (t, user) -> false))
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

    /**
     * A user's requested, assigned or CC'd tickets (the emulator keeps no CCs: that list is empty), paged and
     * side-loaded like the ticket list; an unknown user is a 404.
     */
    private ApiResponse userTickets(ApiRequest request, BiPredicate<ZendeskTicket, Long> filter) {
        long user = store.user(request.longParam("id", ApiException::notFound)).orElseThrow(ApiException::notFound)
                .id();
        List<ZendeskTicket> tickets = store.tickets().stream().filter(t -> filter.test(t, user)).toList();
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

    // ------------------------------------------------------------------ audits

    /**
     * {@code GET tickets/{id}/audits} (agents): one audit per write that changed the ticket or added a comment,
     * oldest first ({@code sort_order=desc} for newest first), paged by offset ({@code page}, {@code per_page} ->
     * {@code count}, {@code next_page}, {@code previous_page}) or cursor ({@code page[size]} -> {@code meta},
     * {@code links}); side-loads {@code users}, {@code tickets}, {@code groups}, {@code organizations}.
     */
    private ApiResponse audits(ApiRequest request) {
        ZendeskTicket ticket = auditedTicket(request);
        List<TicketMutation> audits = store.audits(ticket.id());
        if ("desc".equalsIgnoreCase(request.queryValue("sort_order").orElse("asc"))) {
            audits = audits.stream().sorted(Comparator.comparingLong(TicketMutation::auditId).reversed()).toList();
        }
        ObjectNode result = Paging.page(request, "audits", audits, TicketMutation::auditId,
                m -> ZendeskJson.audit(m, request.baseUrl()));
        return ApiResponse.ok(auditSideLoads(result, ticket, request));
    }

    private ApiResponse audit(ApiRequest request) {
        ZendeskTicket ticket = auditedTicket(request);
        long auditId = request.longParam("audit", ApiException::notFound);
        TicketMutation audit = store.audits(ticket.id()).stream().filter(m -> m.auditId() == auditId).findFirst()
                .orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("audit", ZendeskJson.audit(audit, request.baseUrl()));
        return ApiResponse.ok(auditSideLoads(result, ticket, request));
    }

    /** {@code {"count": {"value": n, "refreshed_at": now}}}: the emulator's count is always exact. */
    private ApiResponse auditCount(ApiRequest request) {
        ZendeskTicket ticket = auditedTicket(request);
        ObjectNode result = Json.object();
        result.putObject("count").put("value", store.audits(ticket.id()).size())
                .put("refreshed_at", ZendeskJson.time(store.now()));
        return ApiResponse.ok(result);
    }

    private ZendeskTicket auditedTicket(ApiRequest request) {
        if (!request.principal(ZendeskUser.class).role().isStaff()) {
            throw ApiException.forbidden(UsersResource.FORBIDDEN);
        }
        return store.ticket(ticketId(request)).orElseThrow(ApiException::notFound);
    }

    private ObjectNode auditSideLoads(ObjectNode result, ZendeskTicket ticket, ApiRequest request) {
        if (SideLoads.requested(request, "tickets")) {
            result.putArray("tickets").add(ZendeskJson.ticket(ticket, request.baseUrl()));
        }
        return SideLoads.add(result, request, store);
    }

    // ------------------------------------------------------------------ bulk endpoints (answer a job_status)

    /** {@code {"tickets": [...]}}: each item is created or fails alone; results {@code {id, index}}. */
    private ApiResponse createMany(ApiRequest request) {
        JsonNode list = TicketJsonReader.array(request, "tickets");
        requireBulkSize(list.size());
        ZendeskUser actor = request.principal(ZendeskUser.class);
        List<ObjectNode> results = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            JsonNode item = list.get(index);
            ObjectNode result = Json.object();
            try {
                if (!item.isObject()) {
                    throw ApiException.invalid("ticket", "InvalidValue", "Ticket: must be an object");
                }
                TicketDraft draft = TicketJsonReader.draft(item);
                result.put("id", write.apply(() -> store.createTicket(draft, actor)).after().id());
                result.put("index", index);
            } catch (ApiException e) {
                result.put("index", index).put("error", "TicketCreateFailed").put("details", describe(e));
            }
            results.add(result);
        }
        return job(request, results);
    }

    /**
     * {@code ?ids=1,2} with {@code {"ticket": {...}}} (the same change for each), or {@code {"tickets": [{"id",
     * ...}]}}; results {@code {id, action: "update", success, status: "Updated"}} or, for a ticket that could not
     * change, {@code success: false} with {@code error} and {@code details}.
     */
    private ApiResponse updateMany(ApiRequest request) {
        List<Long> ids = new ArrayList<>();
        List<JsonNode> changes = new ArrayList<>();
        if (request.queryValue("ids").isPresent()) {
            JsonNode change = TicketJsonReader.root(request, "ticket");
            for (long id : bulkIds(request)) {
                ids.add(id);
                changes.add(change);
            }
        } else {
            JsonNode list = TicketJsonReader.array(request, "tickets");
            requireBulkSize(list.size());
            for (JsonNode item : list) {
                JsonNode id = item.path("id");
                ids.add(id.isIntegralNumber() && id.canConvertToLong() ? Long.valueOf(id.asLong())
                        : id.isTextual() && id.asText().matches("\\d{1,18}") ? Long.valueOf(id.asText()) : null);
                changes.add(item);
            }
        }
        ZendeskUser actor = request.principal(ZendeskUser.class);
        List<ObjectNode> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            JsonNode change = changes.get(i);
            results.add(bulkItem(id, "update", "Updated", () -> {
                if (id == null || !change.isObject()) {
                    throw ApiException.invalid("id", "InvalidValue", "Id: every ticket needs its id");
                }
                store.ticket(id).orElseThrow(ApiException::notFound);
                TicketUpdate update = TicketJsonReader.update(change);
                write.apply(() -> store.updateTicket(id, update, actor));
            }));
        }
        return job(request, results);
    }

    /** {@code ?ids=1,2}: soft-deletes each; results {@code {id, action: "delete", success, status: "Deleted"}}. */
    private ApiResponse destroyMany(ApiRequest request) {
        if (request.queryValue("ids").isEmpty()) {
            throw ApiException.badRequest("ids is required");
        }
        ZendeskUser actor = request.principal(ZendeskUser.class);
        List<ObjectNode> results = new ArrayList<>();
        for (long id : bulkIds(request)) {
            results.add(bulkItem(id, "delete", "Deleted", () -> write.apply(() -> store.deleteTicket(id, actor))));
        }
        return job(request, results);
    }

    private static ObjectNode bulkItem(Long id, String action, String doneStatus, Runnable work) {
        ObjectNode result = Json.object();
        result.put("id", id);
        result.put("action", action);
        try {
            work.run();
            result.put("success", true).put("status", doneStatus);
        } catch (ApiException e) {
            result.put("success", false).put("error", e.body().path("error").asText("InvalidValue"))
                    .put("details", describe(e));
        }
        return result;
    }

    private ApiResponse job(ApiRequest request, List<ObjectNode> results) {
        boolean allFailed = !results.isEmpty() && results.stream()
                .allMatch(r -> r.has("error"));
        JobStatuses.Job job = jobs.record(results, allFailed, store.now());
        ObjectNode answer = Json.object();
        answer.set("job_status", JobStatuses.queued(job, request.baseUrl()));
        return ApiResponse.ok(answer);
    }

    /** {@code ?ids=} as numbers, at most {@link #MAX_BULK}; anything else is a 400. */
    private static List<Long> bulkIds(ApiRequest request) {
        List<Long> ids = new ArrayList<>();
        for (String raw : request.queryValue("ids").orElse("").split(",")) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!id.matches("\\d{1,18}")) {
                throw ApiException.badRequest("ids must be a comma-separated list of ticket ids, got '" + id + "'");
            }
            ids.add(Long.parseLong(id));
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("ids is required");
        }
        requireBulkSize(ids.size());
        return ids;
    }

    private static void requireBulkSize(int size) {
        if (size > MAX_BULK) {
            throw ApiException.badRequest("A bulk request takes at most " + MAX_BULK + " tickets, got " + size);
        }
    }

    /** The text of a failed item: the first field error's description, else the error's description. */
    private static String describe(ApiException e) {
        JsonNode body = e.body();
        JsonNode details = body.path("details");
        if (details.isObject() && details.size() > 0) {
            return details.elements().next().path(0).path("description").asText();
        }
        return body.path("description").asText(body.path("error").asText());
    }

    // ------------------------------------------------------------------ tags

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
