package dev.cameljira.sandbox.servicenow;

import static dev.cameljira.sandbox.servicenow.RequestParams.flag;
import static dev.cameljira.sandbox.servicenow.RequestParams.intParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Attachment API ({@code /api/now[/v1]/attachment}): upload a raw file ({@code POST .../file?table_name=&
 * table_sys_id=&file_name=}, the body is the file, {@code Content-Type} its type) or a multipart form
 * ({@code POST .../upload}, form fields table_name and table_sys_id, then the file part), list metadata
 * ({@code GET ...?sysparm_query=&sysparm_limit=&sysparm_offset=}, encoded query over sys_attachment, also
 * name-value pairs such as {@code ?table_sys_id=}, default limit 1000, Link paging header), read one's metadata ({@code GET .../{sys_id}}), its bytes ({@code GET .../{sys_id}/file},
 * with the stored Content-Type and an {@code X-Attachment-Metadata} JSON header) and delete it
 * ({@code DELETE .../{sys_id}}, 204).
 */
final class AttachmentResource {
    /** With and without the version segment. */
    private static final List<String> BASES = List.of("/api/now/attachment", "/api/now/{version:v1}/attachment");
    private static final int DEFAULT_LIMIT = 1000;
    /** Header values must stay ASCII: file names may not be. */
    private static final ObjectWriter ASCII_JSON = Json.MAPPER.writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private final ServiceNowStore store;
    private final Function<Supplier<ServiceNowStore.AttachmentWrite>, ServiceNowStore.AttachmentWrite> write;

    /**
     * @param store the instance
     * @param write runs one attachment write and publishes its event, atomically
     */
    AttachmentResource(ServiceNowStore store,
                       Function<Supplier<ServiceNowStore.AttachmentWrite>, ServiceNowStore.AttachmentWrite> write) {
        this.store = store;
        this.write = write;
    }

    void register(Router router) {
        for (String base : BASES) {
            router.add("GET", base, this::list)
                    .add("POST", base + "/file", this::uploadFile)
                    .add("POST", base + "/upload", this::uploadMultipart)
                    .add("GET", base + "/{sys_id}/file", this::content)
                    .add("GET", base + "/{sys_id}", this::metadata)
                    .add("DELETE", base + "/{sys_id}", this::delete);
        }
    }

    private ApiResponse list(ApiRequest request) {
        EncodedQuery.Context ctx = new EncodedQuery.Context(store.now(), request.principal(ServiceNowUser.class).sysId(),
                new FieldResolver(store));
        EncodedQuery query = EncodedQuery.parse(request.queryValue("sysparm_query").orElse(null),
                Tables.SYS_ATTACHMENT_SCHEMA, ctx);
        for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
            if (!e.getKey().startsWith("sysparm_") && !e.getValue().isEmpty()) {
                query = query.and(Tables.SYS_ATTACHMENT_SCHEMA, e.getKey(), e.getValue().get(0), ctx);
            }
        }
        List<Row> rows = store.rows(Tables.SYS_ATTACHMENT).stream().filter(query.filter()).toList();
        if (query.order() != null) {
            rows = rows.stream().sorted(query.order()).toList();
        }
        int limit = intParam(request, "sysparm_limit", DEFAULT_LIMIT, 1);
        int offset = intParam(request, "sysparm_offset", 0, 0);
        int from = Math.min(offset, rows.size());
        List<Row> page = rows.subList(from, (int) Math.min(rows.size(), (long) from + limit));
        ObjectNode body = Json.object();
        ArrayNode result = body.putArray("result");
        page.forEach(row -> result.add(metadata(row, request.baseUrl())));
        ApiResponse response = ApiResponse.ok(body);
        if (!flag(request, "sysparm_suppress_pagination_header")) {
            response = response.header("Link", RequestParams.links(request, offset, limit, rows.size()));
        }
        return response;
    }

    private ApiResponse metadata(ApiRequest request) {
        Row row = attachment(request.param("sys_id"));
        return single(200, metadata(row, request.baseUrl()));
    }

    private ApiResponse content(ApiRequest request) {
        String sysId = request.param("sys_id");
        Row row = attachment(sysId);
        byte[] bytes = store.attachmentContent(sysId).orElseThrow(ApiException::notFound);
        String meta;
        try {
            meta = ASCII_JSON.writeValueAsString(metadata(row, request.baseUrl()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ApiResponse.bytes(200, row.get("content_type"), bytes).header("X-Attachment-Metadata", meta);
    }

    private ApiResponse uploadFile(ApiRequest request) {
        String contentType = request.headerValue("Content-Type").filter(t -> !t.isBlank()).orElseThrow(() ->
                ApiException.badRequest("Content-Type header is mandatory",
                        "Send the file's content type (such as image/jpeg or */*) in Content-Type"));
        String table = required(request.queryValue("table_name"), "table_name");
        String tableSysId = required(request.queryValue("table_sys_id"), "table_sys_id");
        String fileName = required(request.queryValue("file_name"), "file_name");
        String createdOn = request.queryValue("creation_time").map(AttachmentResource::creationTime).orElse(null);
        ServiceNowStore.AttachmentWrite w = write.apply(() -> store.insertAttachment(table, tableSysId, fileName,
                contentType, request.body(), request.principal(ServiceNowUser.class), createdOn));
        return created(w.attachment(), request);
    }

    private ApiResponse uploadMultipart(ApiRequest request) {
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(request.headerValue("Content-Type").orElse(""), request.body());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Failed to parse the multipart request",
                    "Send Content-Type: multipart/form-data with table_name, table_sys_id and the file last");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        parts.stream().filter(p -> p.filename() == null)
                .forEach(p -> fields.put(p.name(), new String(p.content(), StandardCharsets.UTF_8).trim()));
        Multipart.Part file = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw ApiException.badRequest("Missing file",
                    "The file must be the last part of the form, with a file name");
        }
        String contentType = Optional.ofNullable(file.contentType()).filter(t -> !t.isBlank()).orElseThrow(() ->
                ApiException.badRequest("Content-Type of the file part is mandatory",
                        "Give the file part its own Content-Type header"));
        String table = required(Optional.ofNullable(fields.get("table_name")).filter(v -> !v.isBlank()),
                "table_name");
        String tableSysId = required(Optional.ofNullable(fields.get("table_sys_id")).filter(v -> !v.isBlank()),
                "table_sys_id");
        ServiceNowStore.AttachmentWrite w = write.apply(() -> store.insertAttachment(table, tableSysId,
                file.filename(), contentType, file.content(), request.principal(ServiceNowUser.class), null));
        return created(w.attachment(), request);
    }

    private ApiResponse delete(ApiRequest request) {
        String sysId = request.param("sys_id");
        write.apply(() -> store.deleteAttachment(sysId, request.principal(ServiceNowUser.class)));
        return ApiResponse.noContent();
    }

    private ApiResponse created(Row attachment, ApiRequest request) {
        return single(201, metadata(attachment, request.baseUrl()))
                .header("Location", request.baseUrl() + "/api/now/attachment/" + attachment.sysId());
    }

    private Row attachment(String sysId) {
        return store.row(Tables.SYS_ATTACHMENT, sysId).orElseThrow(ApiException::notFound);
    }

    /**
     * An attachment's metadata as the Attachment API answers it: every value a string. Without a base URL (events)
     * download_link is left out.
     */
    ObjectNode metadata(Row row, String baseUrl) {
        ObjectNode meta = Json.object();
        meta.put("table_sys_id", row.get("table_sys_id"));
        meta.put("size_bytes", row.get("size_bytes"));
        if (baseUrl != null) {
            meta.put("download_link", baseUrl + "/api/now/attachment/" + row.sysId() + "/file");
        }
        meta.put("sys_updated_on", row.get("sys_updated_on"));
        meta.put("sys_id", row.sysId());
        meta.put("image_height", row.get("image_height"));
        meta.put("sys_created_on", row.get("sys_created_on"));
        meta.put("file_name", row.get("file_name"));
        meta.put("sys_created_by", row.get("sys_created_by"));
        meta.put("compressed", row.get("compressed"));
        meta.put("average_image_color", row.get("average_image_color"));
        meta.put("sys_updated_by", row.get("sys_updated_by"));
        meta.put("sys_tags", row.get("sys_tags"));
        meta.put("table_name", row.get("table_name"));
        meta.put("image_width", row.get("image_width"));
        meta.put("sys_mod_count", row.get("sys_mod_count"));
        meta.put("content_type", row.get("content_type"));
        meta.put("size_compressed", row.get("size_compressed"));
        meta.put("state", row.get("state"));
        meta.put("hash", row.get("hash"));
        meta.put("chunk_size_bytes", row.get("chunk_size_bytes"));
        meta.put("created_by_name", displayName(row.get("sys_created_by")));
        meta.put("updated_by_name", displayName(row.get("sys_updated_by")));
        return meta;
    }

    private String displayName(String userName) {
        return store.userByName(userName).map(ServiceNowUser::name).orElse(userName);
    }

    private static ApiResponse single(int status, ObjectNode record) {
        ObjectNode body = Json.object();
        body.set("result", record);
        return ApiResponse.json(status, body);
    }

    private static String required(Optional<String> value, String name) {
        return value.orElseThrow(() -> ApiException.badRequest("Missing mandatory parameter: " + name,
                "table_name, table_sys_id and file_name are mandatory to attach a file"));
    }

    private static String creationTime(String value) {
        return GlideTime.lenient(value).filter(t -> value.trim().length() > 10).map(GlideTime.FORMAT::format)
                .orElseThrow(() -> ApiException.badRequest("Invalid creation_time",
                        "creation_time must be yyyy-MM-dd HH:mm:ss, got '" + value + "'"));
    }
}
