package dev.cameljira.jira.operations;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraAttachment;

/**
 * Attachment operations: upload a file to an issue ({@code POST /issue/{key}/attachments}, multipart part {@code file},
 * header {@code X-Atlassian-Token: no-check}) and list an issue's attachments.
 */
public final class AttachmentOperations {

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private AttachmentOperations() {
    }

    /** What is uploaded: name, content type and a source of the bytes. */
    private record Upload(String fileName, String contentType, Supplier<InputStream> content, boolean repeatable) {
    }

    /**
     * addAttachment (camel-jira: attach). Needs the issue key and the content as body: a {@link File} or camel-file's
     * GenericFile (name from the file), or a byte[], String or InputStream with the name in header CamelJiraFileName
     * (or CamelFileName, as camel-file sets it; directories are dropped). The content type comes from header
     * CamelJiraContentType, else is guessed from the name, else application/octet-stream. An InputStream is read once,
     * so that upload is never retried. Returns the {@code List<JiraAttachment>} Jira created; sets CamelJiraAttachmentId
     * and CamelJiraIssueKey.
     */
    public static Object addAttachment(OperationContext ctx) {
        String key = OperationSupport.requireHeader(ctx, JiraParam.ISSUE_KEY, "the body is the content to attach");
        Upload upload = upload(ctx);
        JiraApi api = ctx.api();
        JsonNode answer = api.client().json(OperationSupport.issueRequest(JiraRequest::post, api, key, "/attachments")
                .header("X-Atlassian-Token", "no-check")
                .file(new JiraRequest.FilePart("file", upload.fileName(), upload.contentType(), upload.content(),
                        upload.repeatable())));
        List<JiraAttachment> attachments = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(a -> attachments.add(JiraAttachment.from(a)));
        } else if (answer.isObject()) {
            attachments.add(JiraAttachment.from(answer));
        }
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        if (!attachments.isEmpty()) {
            ctx.setHeader(JiraConstants.ATTACHMENT_ID, attachments.get(0).id());
        }
        return attachments;
    }

    /**
     * getAttachments. Needs the issue key; returns the issue's attachments ({@code List<JiraAttachment>}) from its
     * {@code attachment} field. Sets CamelJiraResultCount.
     */
    public static Object getAttachments(OperationContext ctx) {
        String key = ctx.require(JiraParam.ISSUE_KEY);
        JiraApi api = ctx.api();
        JsonNode issue = api.client().json(OperationSupport.issueRequest(JiraRequest::get, api, key, "")
                .query("fields", "attachment"));
        List<JiraAttachment> attachments = new ArrayList<>();
        issue.path("fields").path("attachment").forEach(a -> attachments.add(JiraAttachment.from(a)));
        ctx.setHeader(JiraConstants.ISSUE_KEY, key);
        ctx.setHeader(JiraConstants.RESULT_COUNT, attachments.size());
        return attachments;
    }

    private static Upload upload(OperationContext ctx) {
        Object body = ctx.body();
        if (body == null) {
            throw ctx.invalid("the body must be the content to attach: a java.io.File, byte[], String or InputStream");
        }
        if (body instanceof Path p) {
            return fromFile(ctx, p.toFile());
        }
        if (body instanceof File f) {
            return fromFile(ctx, f);
        }
        if (body instanceof byte[] bytes) {
            return fromBytes(ctx, bytes);
        }
        if (body instanceof CharSequence) {
            return fromBytes(ctx, ctx.in().getBody(byte[].class));
        }
        if (body instanceof InputStream in) {
            String name = requireName(ctx);
            return new Upload(name, contentType(ctx, name), () -> in, false);
        }
        // camel-file's GenericFile and other wrappers: Camel's converters yield the local file, else the bytes
        File file = ctx.in().getBody(File.class);
        if (file != null) {
            return fromFile(ctx, file);
        }
        byte[] bytes = ctx.in().getBody(byte[].class);
        if (bytes == null) {
            throw ctx.invalid("cannot attach a body of type " + body.getClass().getName()
                              + "; send a java.io.File, byte[], String or InputStream");
        }
        return fromBytes(ctx, bytes);
    }

    private static Upload fromFile(OperationContext ctx, File file) {
        if (!file.isFile()) {
            throw ctx.invalid("file " + file.getAbsolutePath() + (file.exists() ? " is not a regular file" : " does not exist"));
        }
        if (!file.canRead()) {
            throw ctx.invalid("file " + file.getAbsolutePath() + " is not readable");
        }
        String name = explicitName(ctx, List.of(JiraConstants.FILE_NAME));
        if (name == null) {
            name = file.getName();
        }
        return new Upload(name, contentType(ctx, name), () -> {
            try {
                return new FileInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.getAbsolutePath(), e);
            }
        }, true);
    }

    private static Upload fromBytes(OperationContext ctx, byte[] bytes) {
        String name = requireName(ctx);
        return new Upload(name, contentType(ctx, name), () -> new ByteArrayInputStream(bytes), true);
    }

    private static String requireName(OperationContext ctx) {
        String name = explicitName(ctx, JiraParam.FILE_NAME.headers());
        if (name == null) {
            throw new JiraInvalidInputException(ctx.operation().uriName() + " needs the file name when the body is a byte[], "
                                                + "String or InputStream: set header " + JiraConstants.FILE_NAME
                                                + " (or CamelFileName), or send a java.io.File");
        }
        return name;
    }

    /** The file name from the first of the headers that is set; directories are dropped. */
    private static String explicitName(OperationContext ctx, List<String> headers) {
        for (String h : headers) {
            String v = ctx.in().getHeader(h, String.class);
            if (v != null && !v.isBlank()) {
                String name = v.strip();
                int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
                name = name.substring(slash + 1);
                if (name.isEmpty()) {
                    throw ctx.invalid("header " + h + " ('" + v + "') names a directory, not a file");
                }
                return name;
            }
        }
        return null;
    }

    private static String contentType(OperationContext ctx, String fileName) {
        String ct = ctx.in().getHeader(JiraConstants.CONTENT_TYPE, String.class);
        if (ct != null && !ct.isBlank()) {
            if (!ct.contains("/")) {
                throw ctx.invalid("header " + JiraConstants.CONTENT_TYPE + " must be a MIME type such as text/plain, was '"
                                  + ct + "'");
            }
            return ct.strip();
        }
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : DEFAULT_CONTENT_TYPE;
    }
}
