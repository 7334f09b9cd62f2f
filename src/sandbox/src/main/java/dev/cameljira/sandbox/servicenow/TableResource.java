package dev.cameljira.sandbox.servicenow;

import static dev.cameljira.sandbox.servicenow.RequestParams.flag;
import static dev.cameljira.sandbox.servicenow.RequestParams.intParam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.emulator.ApiRequest;
import dev.cameljira.sandbox.emulator.ApiResponse;
import dev.cameljira.sandbox.emulator.Router;
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
    private static final String TABLE = "/api/now(?:/(v[12]))?/table/([A-Za-z0-9_]+)";
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

    void register(Router<ServiceNowUser> router) {
        router.add("GET", TABLE, this::list)
                .add("POST", TABLE, this::create)
                .add("GET", TABLE + "/([^/]+)", this::get)
                .add("PUT", TABLE + "/([^/]+)", this::update)
                .add("PATCH", TABLE + "/([^/]+)", this::update)
                .add("DELETE", TABLE + "/([^/]+)", this::delete);
    }

    private ApiResponse list(Router.Call<ServiceNowUser> call) {
        ApiRequest request = call.request();
        TableSchema schema = schema(call);
        EncodedQuery.Context ctx = new EncodedQuery.Context(store.now(), call.user().sysId(), resolver);
        EncodedQuery query = EncodedQuery.parse(request.param("sysparm_query").orElse(null), schema, ctx);
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
        if (page.isEmpty() && "v1".equals(call.pathParams().get(0))) {
            throw new ApiException(404, "No Record found",
                    "Records matching query not found. Check query parameter or offset parameter");
        }
        RecordRenderer.Options options = options(request);
        ObjectNode body = Json.object();
        ArrayNode result = body.putArray("result");
        page.forEach(row -> result.add(renderer.render(schema, row, options)));
        ApiResponse response = ApiResponse.ok(body);
        if (!flag(request, "sysparm_no_count")) {
            response = response.withHeader("X-Total-Count", String.valueOf(rows.size()));
        }
        if (!flag(request, "sysparm_suppress_pagination_header")) {
            response = response.withHeader("Link", RequestParams.links(request, offset, limit, rows.size()));
        }
        return response;
    }

    private ApiResponse get(Router.Call<ServiceNowUser> call) {
        TableSchema schema = schema(call);
        Row row = store.row(schema.name(), call.pathParams().get(2)).orElseThrow(ApiException::notFound);
        return single(200, renderer.render(schema, row, options(call.request())), call.request());
    }

    private ApiResponse create(Router.Call<ServiceNowUser> call) {
        TableSchema schema = writableSchema(call, "Insert");
        ApiRequest request = call.request();
        RecordInput input = reader.read(schema, request.body(), flag(request, "sysparm_input_display_value"),
                flag(request, "sysparm_suppress_auto_sys_field"), true);
        ServiceNowStore.Write w = write.apply(() -> store.insertIncident(input, call.user()));
        return single(201, renderer.render(schema, w.after(), options(request)), request)
                .withHeader("Location",
                        request.baseUrl() + "/api/now/table/" + schema.name() + "/" + w.after().sysId());
    }

    private ApiResponse update(Router.Call<ServiceNowUser> call) {
        TableSchema schema = writableSchema(call, "Update");
        ApiRequest request = call.request();
        String sysId = call.pathParams().get(2);
        store.row(schema.name(), sysId).orElseThrow(ApiException::notFound);
        RecordInput input = reader.read(schema, request.body(), flag(request, "sysparm_input_display_value"),
                flag(request, "sysparm_suppress_auto_sys_field"), false);
        ServiceNowStore.Write w = write.apply(() -> store.updateIncident(sysId, input, call.user()));
        return single(200, renderer.render(schema, w.after(), options(request)), request);
    }

    private ApiResponse delete(Router.Call<ServiceNowUser> call) {
        TableSchema schema = writableSchema(call, "Delete");
        String sysId = call.pathParams().get(2);
        write.apply(() -> store.deleteIncident(sysId));
        return ApiResponse.noContent();
    }

    private static ApiResponse single(int status, ObjectNode record, ApiRequest request) {
        if (request.header("X-no-response-body").map(Boolean::parseBoolean).orElse(false)) {
            return new ApiResponse(status, Map.of(), new byte[0]);
        }
        ObjectNode body = Json.object();
        body.set("result", record);
        return ApiResponse.json(status, body);
    }

    private static TableSchema schema(Router.Call<ServiceNowUser> call) {
        String table = call.pathParams().get(1);
        return Tables.byName(table).orElseThrow(() -> ApiException.badRequest("Invalid table " + table, null));
    }

    private static TableSchema writableSchema(Router.Call<ServiceNowUser> call, String operation) {
        TableSchema schema = schema(call);
        if (!schema.writable()) {
            throw new ApiException(403, "Operation Failed",
                    "ACL Exception " + operation + " Failed due to security constraints");
        }
        return schema;
    }

    private static RecordRenderer.Options options(ApiRequest request) {
        List<String> fields = request.param("sysparm_fields")
                .map(f -> Arrays.stream(f.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(null);
        RecordRenderer.Mode mode = RecordRenderer.Mode.parse(request.param("sysparm_display_value").orElse(null));
        return new RecordRenderer.Options(mode, flag(request, "sysparm_exclude_reference_link"), fields,
                request.baseUrl());
    }
}
