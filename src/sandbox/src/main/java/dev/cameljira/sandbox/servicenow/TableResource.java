package dev.cameljira.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.emulator.ApiRequest;
import dev.cameljira.sandbox.emulator.ApiResponse;
import dev.cameljira.sandbox.emulator.Router;
import dev.cameljira.sandbox.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
            response = response.withHeader("Link", links(request, offset, limit, rows.size()));
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

    private static boolean flag(ApiRequest request, String name) {
        return request.param(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static int intParam(ApiRequest request, String name, int defaultValue, int min) {
        String raw = request.param(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name, name + " must be a whole number >= " + min
                    + ", got '" + raw + "'");
        }
    }

    /** ServiceNow's Link header: first, prev, next and last pages, as {@code <url>;rel="next"}, comma-separated. */
    private static String links(ApiRequest request, int offset, int limit, int total) {
        Map<String, Integer> rels = new LinkedHashMap<>();
        rels.put("first", 0);
        if (offset > 0) {
            rels.put("prev", Math.max(0, offset - limit));
        }
        if ((long) offset + limit < total) {
            rels.put("next", offset + limit);
        }
        rels.put("last", total == 0 ? 0 : ((total - 1) / limit) * limit);
        List<String> links = new ArrayList<>();
        rels.forEach((rel, at) -> links.add("<" + pageUrl(request, at, limit) + ">;rel=\"" + rel + "\""));
        return String.join(",", links);
    }

    private static String pageUrl(ApiRequest request, int offset, int limit) {
        StringBuilder url = new StringBuilder(request.baseUrl()).append(request.path()).append('?');
        request.query().forEach((k, values) -> {
            if (!k.equals("sysparm_offset") && !k.equals("sysparm_limit")) {
                values.forEach(v -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
            }
        });
        return url.append("sysparm_limit=").append(limit).append("&sysparm_offset=").append(offset).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
