package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.http.Json;
import java.util.Map;

/**
 * Uploads and attachments: {@code POST /api/v2/uploads?filename=&token=} (raw body), {@code DELETE
 * /api/v2/uploads/{token}}, {@code GET /api/v2/attachments/{id}}, and the content URLs
 * {@code GET /attachments/token/{token}/?name={file}} that serve the bytes to an authenticated user.
 */
final class UploadsResource {
    /** Where content URLs live (outside {@code /api/v2}, like Zendesk's). */
    static final String CONTENT_PREFIX = "/attachments/token/";

    private final ZendeskStore store;

    UploadsResource(ZendeskStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("POST", "/api/v2/uploads", this::upload)
                .add("DELETE", "/api/v2/uploads/{token:[A-Za-z0-9]+}", this::deleteUpload)
                .add("GET", "/api/v2/attachments/{id:\\d+}", this::show)
                .add("GET", CONTENT_PREFIX + "{token:[A-Za-z0-9]+}", this::content);
    }

    private ApiResponse upload(ApiRequest request) {
        String contentType = request.headerValue("Content-Type").orElse(null);
        ZendeskUpload upload = store.upload(request.queryValue("token").orElse(null),
                request.queryValue("filename").orElse(null), contentType, request.body());
        ObjectNode result = Json.object();
        result.set("upload", ZendeskJson.upload(upload, request.baseUrl()));
        return ApiResponse.json(201, result);
    }

    private ApiResponse deleteUpload(ApiRequest request) {
        store.deleteUpload(request.param("token"));
        return ApiResponse.noContent();
    }

    private ApiResponse show(ApiRequest request) {
        ZendeskAttachment attachment = store.attachment(request.longParam("id", ApiException::notFound))
                .orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("attachment", ZendeskJson.attachment(attachment, request.baseUrl()));
        return ApiResponse.ok(result);
    }

    private ApiResponse content(ApiRequest request) {
        ZendeskAttachment attachment = store.attachmentByContentToken(request.param("token"))
                .orElseThrow(ApiException::notFound);
        byte[] bytes = store.content(attachment.id()).orElseThrow(ApiException::notFound);
        String fileName = attachment.fileName().replace("\"", "");
        return ApiResponse.bytes(200, attachment.contentType(), bytes)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
