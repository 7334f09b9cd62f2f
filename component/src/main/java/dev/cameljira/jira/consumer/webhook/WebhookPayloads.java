package dev.cameljira.jira.consumer.webhook;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.model.ChangeItem;
import dev.cameljira.jira.model.JiraComment;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.model.JiraProject;
import dev.cameljira.jira.model.JiraUser;

/**
 * Reads Jira webhook payloads (Cloud and Data Center / Server) into {@link JiraEvent}s. Tolerant of the variants real
 * Jira sends: {@code changelog.id} as string or number, Server {@code comment_created} without {@code issue}, Server
 * comments inside {@code jira:issue_updated} ({@code issue_event_type_name=issue_commented}), users with
 * {@code accountId} (Cloud) or {@code name}/{@code key} (Server); unknown fields are ignored (they stay in
 * {@link JiraEvent#raw()}).
 */
public final class WebhookPayloads {

    private static final Pattern ISSUE_IN_SELF = Pattern.compile("/issue/(\\d+)/(?:comment|worklog)/");
    /** Eight bytes of an array as one long, at any offset. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The high bit of each of eight bytes: zero when all eight are ASCII. */
    private static final long NON_ASCII = 0x8080808080808080L;

    private WebhookPayloads() {
    }

    /**
     * A JSON reader that refuses nesting deeper than {@code maxDepth} and trailing content after the document.
     *
     * @throws IllegalArgumentException when maxDepth is less than 1
     */
    public static ObjectMapper reader(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxJsonDepth must be at least 1, was " + maxDepth);
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Parses a delivery body into the payload object.
     *
     * @param reader from {@link #reader(int)}
     * @throws InvalidPayloadException with a short reason (never quoting the payload) when the body is empty, not
     *                                 well-formed UTF-8, not well-formed JSON, nested too deeply, not an object, or has no {@code webhookEvent}
     */
    public static JsonNode parse(ObjectMapper reader, byte[] body) throws InvalidPayloadException {
        if (body == null || body.length == 0) {
            throw new InvalidPayloadException("empty body: a Jira webhook payload is a JSON object");
        }
        int invalid = invalidUtf8At(body);
        if (invalid >= 0) {
            throw new InvalidPayloadException("invalid UTF-8 at byte " + invalid + ": a Jira webhook payload is UTF-8 JSON");
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidPayloadException("JSON nested too deeply (limit: maxJsonDepth)");
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw new InvalidPayloadException("unreadable JSON body");
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidPayloadException("empty body: a Jira webhook payload is a JSON object");
        }
        if (!node.isObject()) {
            throw new InvalidPayloadException("a Jira webhook payload is a JSON object, got a JSON " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode event = node.get("webhookEvent");
        if (event == null || !event.isTextual() || event.asText().isBlank()) {
            throw new InvalidPayloadException("payload has no webhookEvent (the event name, e.g. jira:issue_updated)");
        }
        return node;
    }

    /**
     * The offset of the first byte that is not well-formed UTF-8, or -1. Stricter than the JSON parser, which takes
     * overlong forms and UTF-8-encoded surrogates as characters: refuses both, as Unicode requires (Table 3-7 of the
     * standard; the same offsets as Java's UTF-8 decoder reports). One pass over the bytes without decoding or
     * allocating: ASCII, nearly all of a Jira payload, is checked eight bytes at a time (one load and one mask).
     */
    static int invalidUtf8At(byte[] body) {
        int n = body.length;
        int i = 0;
        while (i < n) {
            while (i <= n - 8 && ((long) EIGHT_BYTES.get(body, i) & NON_ASCII) == 0) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int b = body[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xff;
            int need;
            int lo = 0x80;
            int hi = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                if (b == 0xe0) {
                    lo = 0xa0; // overlong below U+0800
                } else if (b == 0xed) {
                    hi = 0x9f; // U+D800..U+DFFF: surrogates
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                if (b == 0xf0) {
                    lo = 0x90; // overlong below U+10000
                } else if (b == 0xf4) {
                    hi = 0x8f; // above U+10FFFF
                }
            } else {
                return i; // a continuation byte without a lead, C0/C1 (overlong ASCII) or F5..FF
            }
            if (i + 1 >= n) {
                return i;
            }
            int b1 = body[i + 1] & 0xff;
            if (b1 < lo || b1 > hi) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                if (i + k >= n || (body[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /**
     * The event of a webhook payload.
     *
     * <ul>
     * <li>{@code type}: {@code webhookEvent}; {@code timestamp}: {@code timestamp} (epoch ms), null when absent;</li>
     * <li>{@code issue}: {@code issue} (full on issue events, compact on Cloud comment events; null on Server
     * {@code comment_created}, worklog, link and project events);</li>
     * <li>{@code comment}: {@code comment} (comment events and Server's {@code issue_commented} updates);</li>
     * <li>{@code changelog}: {@code changelog.items}, {@code changelogId}: {@code changelog.id} as text;</li>
     * <li>{@code user}: {@code user}, else for comment events the comment's {@code updateAuthor} (or {@code author}),
     * for worklog events the worklog's;</li>
     * <li>{@code project}: {@code project} of project events;</li>
     * <li>{@code eventId}: {@code deliveryId} (X-Atlassian-Webhook-Identifier), else one derived from the payload;</li>
     * <li>{@code issueId}: the issue's id, else the one the comment's or worklog's {@code self} (or the worklog's
     * {@code issueId}) names.</li>
     * </ul>
     *
     * @param payload    a payload object (see {@link #parse})
     * @param deliveryId the delivery id, or null
     */
    public static JiraEvent toEvent(JsonNode payload, String deliveryId) {
        String type = text(payload.get("webhookEvent"));
        JiraIssue issue = JiraIssue.from(payload.get("issue"));
        JiraComment comment = JiraComment.from(payload.get("comment"));
        JsonNode changelog = payload.path("changelog");
        String changelogId = text(changelog.get("id"));
        List<ChangeItem> items = new ArrayList<>();
        changelog.path("items").forEach(i -> {
            ChangeItem item = ChangeItem.from(i);
            if (item != null) {
                items.add(item);
            }
        });
        Instant timestamp = timestamp(payload.get("timestamp"));
        JiraProject project = JiraProject.from(payload.get("project"));
        String id = deliveryId != null && !deliveryId.isBlank() ? deliveryId
                : derivedId(type, timestamp, issue, comment, changelogId, project, payload);
        return new JiraEvent(type, timestamp, text(payload.get("issue_event_type_name")), issue, comment, changelogId, items,
                actor(payload), project, JiraEvent.Source.WEBHOOK, id, payload, issueId(issue, payload));
    }

    /**
     * The id of the issue an event is about: the issue's, else the one named by the payload's comment or worklog (Server
     * {@code comment_created} carries no issue, but its comment's {@code self} is {@code .../issue/{id}/comment/{id}};
     * worklogs carry {@code issueId}). Null when none is known. Becomes {@link JiraEvent#issueId()}.
     */
    static String issueId(JiraIssue issue, JsonNode raw) {
        if (issue != null && issue.id() != null) {
            return issue.id();
        }
        String worklogIssue = text(raw.path("worklog").get("issueId"));
        if (worklogIssue != null) {
            return worklogIssue;
        }
        for (String container : List.of("comment", "worklog")) {
            String self = text(raw.path(container).get("self"));
            if (self != null) {
                Matcher m = ISSUE_IN_SELF.matcher(self);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static JiraUser actor(JsonNode payload) {
        JiraUser user = JiraUser.from(payload.get("user"));
        if (user != null) {
            return user;
        }
        for (String container : List.of("comment", "worklog")) {
            JsonNode c = payload.get(container);
            if (c != null && c.isObject()) {
                JiraUser u = JiraUser.from(c.get("updateAuthor"));
                return u != null ? u : JiraUser.from(c.get("author"));
            }
        }
        return null;
    }

    private static Instant timestamp(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.canConvertToLong()) {
            return Instant.ofEpochMilli(n.asLong());
        }
        if (n.isTextual()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(n.asText().trim()));
            } catch (NumberFormatException notEpoch) {
                return null;
            }
        }
        return null;
    }

    /** type|timestamp|subject|detail: stable for redeliveries of one event, distinct for different events. */
    private static String derivedId(String type, Instant timestamp, JiraIssue issue, JiraComment comment, String changelogId,
                                    JiraProject project, JsonNode payload) {
        String worklogId = text(payload.path("worklog").get("id"));
        String detail = changelogId != null ? changelogId
                : comment != null ? "comment-" + comment.id()
                : worklogId != null ? "worklog-" + worklogId
                : text(payload.path("issueLink").get("id"));
        String subject = issue != null ? issue.id() : project != null ? "project-" + project.id() : null;
        return type + "|" + (timestamp == null ? "" : timestamp.toEpochMilli()) + "|" + (subject == null ? "" : subject) + "|"
               + (detail == null ? "" : detail);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || n.isContainerNode() ? null : n.asText();
    }

    /** A delivery body that is not a usable Jira webhook payload; the message is short and never quotes the body. */
    public static final class InvalidPayloadException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidPayloadException(String message) {
            super(message, null, false, false);
        }
    }
}
