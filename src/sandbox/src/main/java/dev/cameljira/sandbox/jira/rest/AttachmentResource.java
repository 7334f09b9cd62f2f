package dev.cameljira.sandbox.jira.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiException;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Multipart;
import dev.cameljira.sandbox.http.Router;
import dev.cameljira.sandbox.jira.JiraContext;
import dev.cameljira.sandbox.jira.model.Attachment;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.store.JiraStore;
import java.util.List;

/**
 * Attachments: multipart upload (part {@code file}, header {@code X-Atlassian-Token: no-check} required), metadata,
 * content ({@code /attachment/content/{id}} and the Server-style {@code /secure/attachment/{id}/{filename}}), delete.
 */
public final class AttachmentResource {

    private static final long UPLOAD_LIMIT = 10 * 1024 * 1024;

    private final JiraContext ctx;
    private final JiraStore store;

    public AttachmentResource(JiraContext ctx) {
        this.ctx = ctx;
        this.store = ctx.store();
    }

    public void register(Router router) {
        router.add("POST", Paths.API + "/issue/{key}/attachments", this::upload);
        router.add("GET", Paths.API + "/attachment/meta", this::meta);
        router.add("GET", Paths.API + "/attachment/{id}", this::get);
        router.add("DELETE", Paths.API + "/attachment/{id}", this::delete);
        if (store.cloud()) { // Cloud only: Data Center serves content at /secure/attachment/{id}/{filename}
            router.add("GET", Paths.API + "/attachment/content/{id}", this::content);
        }
        router.add("GET", "/secure/attachment/{id}/{filename}", this::content);
    }

    private ApiResponse upload(ApiRequest req) {
        String token = req.header("X-Atlassian-Token");
        if (token == null || !(token.equalsIgnoreCase("no-check") || token.equalsIgnoreCase("nocheck"))) {
            throw ApiException.of(403, "XSRF check failed");
        }
        List<Multipart.Part> files = Multipart.parse(req.header("Content-Type"), req.body()).stream()
                .filter(p -> "file".equals(p.name())).toList();
        if (files.isEmpty()) {
            throw ApiException.of(400, "The multipart request must contain at least one part named 'file'.");
        }
        for (Multipart.Part f : files) {
            if (f.content().length > UPLOAD_LIMIT) {
                throw ApiException.of(413, "The file '" + f.filename() + "' is larger than the upload limit of " + UPLOAD_LIMIT + " bytes.");
            }
        }
        return store.write(() -> {
            Issue issue = store.requireIssue(req.param("key"));
            ArrayNode arr = Json.array();
            for (Multipart.Part f : files) {
                String name = f.filename() == null || f.filename().isBlank() ? "attachment" : f.filename();
                Attachment a = ctx.activityService().attachLocked(issue, name, f.contentType(), f.content(), req.requireUser());
                arr.add(ctx.activity().attachment(a, req.view()));
            }
            return ApiResponse.ok(arr);
        });
    }

    private ApiResponse meta(ApiRequest req) {
        return ApiResponse.ok(Json.object().put("enabled", true).put("uploadLimit", UPLOAD_LIMIT));
    }

    private Attachment find(ApiRequest req) {
        long id;
        try {
            id = Long.parseLong(req.param("id"));
        } catch (NumberFormatException e) {
            throw ApiException.of(404, "The attachment with id '" + req.param("id") + "' does not exist.");
        }
        return store.attachment(id).orElseThrow(() -> ApiException.of(404,
                "The attachment with id '" + req.param("id") + "' does not exist."));
    }

    private ApiResponse get(ApiRequest req) {
        return store.read(() -> {
            ObjectNode n = ctx.activity().attachment(find(req), req.view());
            if (store.cloud()) {
                n.put("id", find(req).id());
            }
            return ApiResponse.ok(n);
        });
    }

    private ApiResponse content(ApiRequest req) {
        return store.read(() -> {
            Attachment a = find(req);
            return ApiResponse.bytes(200, a.mimeType(), a.content())
                    .header("Content-Disposition", "attachment; filename=\"" + a.filename().replace("\"", "") + "\"");
        });
    }

    private ApiResponse delete(ApiRequest req) {
        long id = store.read(() -> find(req).id());
        ctx.activityService().deleteAttachment(id, req.requireUser());
        return ApiResponse.noContent();
    }
}
