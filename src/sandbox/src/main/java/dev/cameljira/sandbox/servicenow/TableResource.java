package dev.cameljira.sandbox.servicenow;

import static dev.cameljira.sandbox.servicenow.RequestParams.flag;
import static dev.cameljira.sandbox.servicenow.RequestParams.intParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Table API: {@code /api/now[/v1|/v2]/table/{table}[/{sys_id}]} with GET (list and single), POST, PUT, PATCH
 * and DELETE, the {@code {"result": ...}} envelope, X-Total-Count and Link headers. Only incident is writable;
 * sys_user and sys_journal_field are readable (writes are 403, as an ACL would answer).
 */
final class TableResource {
    /** With and without the version segment. */
    private static final List<String> TABLES = List.of("/api/now/table/{table:[A-Za-z0-9_]+}",
            "/api/now/{version:v[12]}/table/{table:[A-Za-z0-9_]+}");
    private static final int DEFAULT_LIMIT = 10_000;

    private final ServiceNowStore store;
    private final FieldResolver resolver;
    private final RecordRenderer renderer;
    private final RecordInputReader reader;
    private final Function<Supplier<ServiceNowStore.Write>, ServiceNowStore.Write> write;

    /**
     * @param store the instance
     * @param write runs one write and publishes its event, atomically (events leave in write order)
     */
    TableResource(ServiceNowStore store, Function<Supplier<ServiceNowStore.Write>, ServiceNowStore.Write> write) {
        this.store = store;
        this.resolver = new FieldResolver(store);
        this.renderer = new RecordRenderer(resolver);
        this.reader = new RecordInputReader(resolver);
        this.write = write;
    }

    void register(Router router) {
        for (String table : TABLES) {
            router.add("GET", table, this::list)
                    .add("POST", table, this::create)
                    .add("GET", table + "/{sys_id}", this::get)
                    .add("PUT", table + "/{sys_id}", this::update)
                    .add("PATCH", table + "/{sys_id}", this::update)
                    .add("DELETE", table + "/{sys_id}", this::delete);
        }
    }

    private ApiResponse list(ApiRequest request) {
        TableSchema schema = schema(request);
        EncodedQuery.Context ctx = new EncodedQuery.Context(store.now(), request.principal(ServiceNowUser.class).sysId(), resolver);
        EncodedQuery query = EncodedQuery.parse(request.queryValue("sysparm_query").orElse(null), schema, ctx);
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            if (!e.getKey().startsWith("sysparm_") && !e.getValue().isEmpty()) {
                query = query.and(schema, e.getKey(), e.getValue().get(0), ctx);
            }
        }
        List<Row> rows = store.rows(schema.name()).stream().filter(query.filter()).toList();
        if (query.order() != null) {
            Comparator<Row> order = query.order();
            rows = rows.stream().sorted(order).toList();
        }
        int limit = intParam(request, "sysparm_limit", DEFAULT_LIMIT, 1);
        int offset = intParam(request, "sysparm_offset", 0, 0);
        int from = Math.min(offset, rows.size());
        List<Row> page = rows.subList(from, (int) Math.min(rows.size(), (long) from + limit));
        if (page.isEmpty() && "v1".equals(request.param("version"))) {
            throw new ApiException(404, "No Record found",
                    "Records matching query not found. Check query parameter or offset parameter");
        }
        RecordRenderer.Options options = options(request);
        ObjectNode body = Json.object();
        ArrayNode result = body.putArray("result");
        page.forEach(row -> result.add(renderer.render(schema, row, options)));
        ApiResponse response = ApiResponse.ok(body);
        if (!flag(request, "sysparm_no_count")) {
            response = response.header("X-Total-Count", String.valueOf(rows.size()));
        }
        if (!flag(request, "sysparm_suppress_pagination_header")) {
            response = response.header("Link", RequestParams.links(request, offset, limit, rows.size()));
        }
        return response;
    }

    private ApiResponse get(ApiRequest request) {
        TableSchema schema = schema(request);
        Row row = store.row(schema.name(), request.param("sys_id")).orElseThrow(ApiException::notFound);
        return single(200, renderer.render(schema, row, options(request)), request);
    }

    private ApiResponse create(ApiRequest request) {
        TableSchema schema = writableSchema(request, "Insert");
        RecordInput input = reader.read(schema, Representation.body(request),
                flag(request, "sysparm_input_display_value"), flag(request, "sysparm_suppress_auto_sys_field"), true);
        ServiceNowStore.Write w = write.apply(() -> store.insertIncident(input, request.principal(ServiceNowUser.class)));
        return single(201, renderer.render(schema, w.after(), options(request)), request)
                .header("Location",
                        request.baseUrl() + "/api/now/table/" + schema.name() + "/" + w.after().sysId());
    }

    private ApiResponse update(ApiRequest request) {
        TableSchema schema = writableSchema(request, "Update");
        String sysId = request.param("sys_id");
        store.row(schema.name(), sysId).orElseThrow(ApiException::notFound);
        RecordInput input = reader.read(schema, Representation.body(request),
                flag(request, "sysparm_input_display_value"), flag(request, "sysparm_suppress_auto_sys_field"), false);
        ServiceNowStore.Write w = write.apply(() -> store.updateIncident(sysId, input, request.principal(ServiceNowUser.class)));
        return single(200, renderer.render(schema, w.after(), options(request)), request);
    }

    private ApiResponse delete(ApiRequest request) {
        TableSchema schema = writableSchema(request, "Delete");
        String sysId = request.param("sys_id");
        write.apply(() -> store.deleteIncident(sysId));
        return ApiResponse.noContent();
    }

    private static ApiResponse single(int status, ObjectNode record, ApiRequest request) {
        if (request.headerValue("X-no-response-body").map(Boolean::parseBoolean).orElse(false)) {
            return ApiResponse.empty(status);
        }
        ObjectNode body = Json.object();
        body.set("result", record);
        return ApiResponse.json(status, body);
    }

    private static TableSchema schema(ApiRequest request) {
        String table = request.param("table");
        return Tables.byName(table).orElseThrow(() -> ApiException.badRequest("Invalid table " + table, null));
    }

    private static TableSchema writableSchema(ApiRequest request, String operation) {
        TableSchema schema = schema(request);
        if (!schema.writable()) {
            throw new ApiException(403, "Operation Failed",
                    "ACL Exception " + operation + " Failed due to security constraints");
        }
        return schema;
    }

    private static RecordRenderer.Options options(ApiRequest request) {
        List<String> fields = request.queryValue("sysparm_fields")
                .map(f -> Arrays.stream(f.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(null);
        RecordRenderer.Mode mode = RecordRenderer.Mode.parse(request.queryValue("sysparm_display_value").orElse(null));
        return new RecordRenderer.Options(mode, flag(request, "sysparm_exclude_reference_link"), fields,
                request.baseUrl());
    }
}
