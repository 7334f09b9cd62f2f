package dev.cameljira.sandbox.spec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the OpenAPI validator cannot check on multipart requests (it does not parse multipart bodies, so they are
 * not handed to it): Jira's XSRF guard wants {@code X-Atlassian-Token: no-check} on every multipart request, the
 * Content-Type needs a boundary, and an attachment upload carries its file in a part named {@code file}.
 */
final class Multipart {

    private static final Pattern FILE_PART = Pattern.compile(
            "content-disposition:[^\\r\\n]*\\bname=\"?file\"?(?:[;\\s]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private Multipart() {
    }

    static void check(HttpExchangeRecord exchange, String restPath, Violations out) {
        String token = exchange.requestHeader("X-Atlassian-Token");
        // Jira's XSRF filter also takes the legacy "nocheck" (jira-client's addAttachmentOnIssue sends it)
        if (token == null || !(token.trim().equalsIgnoreCase("no-check") || token.trim().equalsIgnoreCase("nocheck"))) {
            out.request("jira.request.xsrf", "a multipart request needs header X-Atlassian-Token: no-check "
                    + "(Jira answers 403 \"XSRF check failed\" without it), got " + (token == null ? "none" : token));
        }
        String contentType = exchange.requestHeader("Content-Type");
        if (!contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            out.request("jira.request.multipart", "multipart Content-Type without a boundary: " + contentType);
        }
        if (restPath.endsWith("/attachments")) {
            byte[] body = exchange.requestBody() == null ? new byte[0] : exchange.requestBody();
            // ISO-8859-1 maps every byte to one char, so binary file content cannot break the header search
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (!FILE_PART.matcher(text).find()) {
                out.request("jira.request.multipart", "an attachment upload needs a multipart part named \"file\"");
            }
        }
    }
}
