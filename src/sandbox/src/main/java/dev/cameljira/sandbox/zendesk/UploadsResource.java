package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.emulator.ApiRequest;
import dev.cameljira.sandbox.emulator.ApiResponse;
import dev.cameljira.sandbox.emulator.Router;
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

    void register(Router<ZendeskUser> router) {
        router.add("POST", "/api/v2/uploads", this::upload)
                .add("DELETE", "/api/v2/uploads/([A-Za-z0-9]+)", this::deleteUpload)
                .add("GET", "/api/v2/attachments/(\\d+)", this::show)
                .add("GET", CONTENT_PREFIX + "([A-Za-z0-9]+)/?", this::content);
    }

    private ApiResponse upload(Router.Call<ZendeskUser> call) {
        ApiRequest request = call.request();
        String contentType = request.header("Content-Type").orElse(null);
        ZendeskUpload upload = store.upload(request.param("token").orElse(null),
                request.param("filename").orElse(null), contentType, request.body());
        ObjectNode result = Json.object();
        result.set("upload", ZendeskJson.upload(upload, request.baseUrl()));
        return ApiResponse.json(201, result);
    }

    private ApiResponse deleteUpload(Router.Call<ZendeskUser> call) {
        store.deleteUpload(call.pathParams().get(0));
        return ApiResponse.noContent();
    }

    private ApiResponse show(Router.Call<ZendeskUser> call) {
        ZendeskAttachment attachment = store.attachment(call.longParam(0, ApiException::notFound))
                .orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("attachment", ZendeskJson.attachment(attachment, call.request().baseUrl()));
        return ApiResponse.ok(result);
    }

    private ApiResponse content(Router.Call<ZendeskUser> call) {
        ZendeskAttachment attachment = store.attachmentByContentToken(call.pathParams().get(0))
                .orElseThrow(ApiException::notFound);
        byte[] bytes = store.content(attachment.id()).orElseThrow(ApiException::notFound);
        String fileName = attachment.fileName().replace("\"", "");
        return new ApiResponse(200, Map.of("Content-Type", attachment.contentType(),
                "Content-Disposition", "attachment; filename=\"" + fileName + "\""), bytes);
    }
}
