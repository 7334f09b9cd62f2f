package dev.cameljira.jira.operations;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraContentTooLargeException;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.client.JiraResponse;
import dev.cameljira.jira.model.JiraAttachment;
import org.apache.camel.Exchange;

/**
 * Attachment operations: upload a file to an issue ({@code POST /issue/{key}/attachments}, multipart part {@code file},
 * header {@code X-Atlassian-Token: no-check}), list an issue's attachments, and download one's content.
 */
public final class AttachmentOperations {

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    /** RFC 6266 / 5987 {@code filename*=charset'lang'percent-encoded}. */
    private static final Pattern EXT_FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^';\\s]*)'[^']*'([^;\\s]+)");
    /** {@code filename="quoted"} or {@code filename=token}. */
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))");

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

    /**
     * getAttachmentContent. Downloads an attachment's content into memory. Needs the attachment id: a
     * {@link JiraAttachment} body (as getAttachments and addAttachment return them), key {@code attachmentId} of a
     * JSON/Map body, or header CamelJiraAttachmentId (which addAttachment sets). Reads the attachment's metadata
     * ({@code GET /attachment/{id}}: file name, content type, size) unless a JiraAttachment body carries them, then its
     * content: Cloud {@code GET /attachment/content/{id}?redirect=false}; Data Center, whose REST API has no content
     * resource, {@code GET /secure/attachment/{id}/{file name}}. Larger than maxAttachmentSize (option, or header
     * CamelJiraMaxAttachmentSize) fails with {@link JiraContentTooLargeException} before the content is read (size from
     * the metadata or Content-Length) or as soon as the limit is passed while reading. Returns the {@code byte[]}; sets
     * CamelJiraAttachmentId, CamelJiraFileName, CamelJiraContentType and Content-Length.
     */
    public static Object getAttachmentContent(OperationContext ctx) {
        JiraAttachment given = ctx.typedBody(JiraAttachment.class).filter(a -> !OperationSupport.blank(a.id())).orElse(null);
        String id = given != null ? given.id().strip() : ctx.require(JiraParam.ATTACHMENT_ID).strip();
        long limit = maxAttachmentSize(ctx);
        JiraApi api = ctx.api();
        String subject = "attachment " + id;
        JiraAttachment meta = given != null && given.filename() != null ? given
                : JiraAttachment.from(api.client().json(JiraRequest.get(api.api("/attachment/" + JiraApi.seg(id))).subject(subject)));
        if (meta != null && meta.size() > limit) {
            throw tooLarge(ctx, new JiraContentTooLargeException("Attachment " + id + " is " + meta.size()
                    + " bytes (Jira's metadata), more than the limit of " + limit + " bytes: not downloaded", meta.size(), limit));
        }
        String storedName = meta == null ? null : OperationSupport.blankToNull(meta.filename());
        JiraRequest request = api.isCloud()
                ? JiraRequest.get(api.api("/attachment/content/" + JiraApi.seg(id))).query("redirect", "false")
                : JiraRequest.get("/secure/attachment/" + JiraApi.seg(id) + "/" + JiraApi.seg(storedName == null ? "file" : storedName));
        JiraResponse response;
        try {
            response = api.client().download(request.subject(subject), limit);
        } catch (JiraContentTooLargeException e) {
            throw tooLarge(ctx, e);
        }
        byte[] content = response.body();
        String fileName = storedName != null ? storedName : fileNameFromDisposition(response.header("Content-Disposition"));
        String contentType = meta != null && !OperationSupport.blank(meta.mimeType()) ? meta.mimeType()
                : OperationSupport.blankToNull(response.header("Content-Type"));
        ctx.setHeader(JiraConstants.ATTACHMENT_ID, id);
        replaceHeader(ctx, JiraConstants.FILE_NAME, fileName);
        replaceHeader(ctx, JiraConstants.CONTENT_TYPE, contentType);
        ctx.setHeader(Exchange.CONTENT_LENGTH, (long) content.length);
        return content;
    }

    /** The size limit of getAttachmentContent: header, body key or the maxAttachmentSize option; 1 byte to 2 GB. */
    private static long maxAttachmentSize(OperationContext ctx) {
        Object raw = ctx.raw(JiraParam.MAX_ATTACHMENT_SIZE).orElse(ctx.config().getMaxAttachmentSize());
        String text = OperationContext.asText(raw).strip();
        long limit;
        try {
            limit = raw instanceof Number n && !(raw instanceof Double || raw instanceof Float) ? n.longValue() : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ctx.invalid("maxAttachmentSize (header " + JiraConstants.MAX_ATTACHMENT_SIZE + " or option maxAttachmentSize) "
                              + "must be a whole number of bytes, was '" + text + "'");
        }
        if (limit < 1 || limit > JiraClient.MAX_DOWNLOAD) {
            throw ctx.invalid("maxAttachmentSize (header " + JiraConstants.MAX_ATTACHMENT_SIZE + " or option maxAttachmentSize) "
                              + "must be between 1 and " + JiraClient.MAX_DOWNLOAD + " bytes, was " + limit);
        }
        return limit;
    }

    /** The same failure, its message naming the operation and how to raise the limit. */
    private static JiraContentTooLargeException tooLarge(OperationContext ctx, JiraContentTooLargeException e) {
        return new JiraContentTooLargeException(ctx.operation().uriName() + ": " + e.getMessage() + ". The content is held in "
                + "memory; raise the limit with the maxAttachmentSize option or header " + JiraConstants.MAX_ATTACHMENT_SIZE,
                e.getSize(), e.getLimit());
    }

    /** Sets a result header, or removes it when there is no value, so that no stale value from the input stays. */
    private static void replaceHeader(OperationContext ctx, String name, String value) {
        if (value == null) {
            ctx.exchange().getMessage().removeHeader(name);
        } else {
            ctx.setHeader(name, value);
        }
    }

    /** The file name of a Content-Disposition header ({@code filename*} first, then {@code filename}), or null. */
    static String fileNameFromDisposition(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher ext = EXT_FILENAME.matcher(disposition);
        if (ext.find()) {
            try {
                Charset charset = ext.group(1).isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(ext.group(1));
                return OperationSupport.blankToNull(URLDecoder.decode(ext.group(2).replace("+", "%2B"), charset));
            } catch (IllegalArgumentException e) {
                // unknown charset or bad escape: try the plain parameter
            }
        }
        Matcher plain = FILENAME.matcher(disposition);
        if (plain.find()) {
            String name = plain.group(1) != null ? plain.group(1).replaceAll("\\\\(.)", "$1") : plain.group(2);
            return OperationSupport.blankToNull(name);
        }
        return null;
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
