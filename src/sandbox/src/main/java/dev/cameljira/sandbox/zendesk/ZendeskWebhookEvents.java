package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.sandbox.http.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Turns a ticket write into Zendesk event-webhook payloads (one per event, as Zendesk sends them):
 * <pre>{"type": "zen:event-type:ticket.status_changed", "account_id": 1, "id": "uuid", "time": "...",
 *  "zendesk_event_version": "2022-11-06", "subject": "zen:ticket:42", "detail": {ticket},
 *  "event": {..., "meta": {"sequence": {"id", "position"}}}}</pre>
 * Like Zendesk, the {@code detail} carries ids as strings and status/priority/type in upper case. A create sends
 * {@code ticket.created} (its first comment is the detail's description); an update sends one
 * {@code ..._changed} event per changed field, then {@code ticket.comment_added} when it added a comment. Every file
 * the comment attached then gets a {@code ticket.attachment_linked_to_comment} event
 * ({@code event.attachment {id, content_url, content_type, filename, is_public}}, {@code event.comment.id}); the
 * {@code comment_added} event itself does not list attachments. The events of one write share
 * {@code event.meta.sequence.id} and are numbered by {@code position}.
 */
final class ZendeskWebhookEvents {
    static final String PREFIX = "zen:event-type:ticket.";
    private static final long ACCOUNT_ID = 1;

    private static final Map<String, String> CHANGE_TYPES = Map.ofEntries(
            Map.entry("subject", "subject_changed"),
            Map.entry("status", "status_changed"),
            Map.entry("priority", "priority_changed"),
            Map.entry("type", "ticket_type_changed"),
            Map.entry("external_id", "external_id_changed"),
            Map.entry("requester_id", "requester_changed"),
            Map.entry("assignee_id", "agent_assignment_changed"),
            Map.entry("group_id", "group_assignment_changed"),
            Map.entry("due_at", "task_due_at_changed"),
            Map.entry("tags", "tags_changed"));

    private static final Set<String> UPPER_CASED = Set.of("status", "priority", "type");

    /** Every event type the emulator fires, with the prefix. */
    static final List<String> EMITTED = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("created", "soft_deleted", "comment_added", "attachment_linked_to_comment",
                    "custom_field_changed"),
            CHANGE_TYPES.values().stream().sorted()).map(t -> PREFIX + t).toList();

    private ZendeskWebhookEvents() {
    }

    static List<ObjectNode> from(TicketMutation m, LongFunction<ZendeskUser> users, String baseUrl) {
        List<ObjectNode> events = new ArrayList<>();
        if (m.isCreate()) {
            events.add(envelope(m, "created", Json.object()));
        } else if (m.isDelete()) {
            events.add(envelope(m, "soft_deleted", Json.object()));
            return sequenced(events);
        }
        if (!m.isCreate()) {
            for (TicketDiff.FieldChange change : TicketDiff.between(m.before(), m.after())) {
                events.add(changeEvent(m, change));
            }
        }
        if (m.comment() != null && !m.isCreate()) {
            ZendeskComment c = m.comment();
            ZendeskUser author = users.apply(c.authorId());
            ObjectNode comment = Json.object().put("id", String.valueOf(c.id())).put("body", c.body())
                    .put("is_public", c.isPublic());
            comment.putObject("author").put("id", String.valueOf(c.authorId()))
                    .put("is_staff", author != null && author.role().isStaff())
                    .put("name", author == null ? null : author.name());
            ObjectNode event = Json.object();
            event.set("comment", comment);
            events.add(envelope(m, "comment_added", event));
        }
        if (m.comment() != null) {
            for (ZendeskAttachment a : m.comment().attachments()) {
                ObjectNode event = Json.object();
                event.putObject("attachment").put("id", String.valueOf(a.id()))
                        .put("content_url", baseUrl + a.contentPath()).put("content_type", a.contentType())
                        .put("filename", a.fileName()).put("is_public", a.isPublic());
                event.putObject("comment").put("id", String.valueOf(m.comment().id()));
                events.add(envelope(m, "attachment_linked_to_comment", event));
            }
        }
        return sequenced(events);
    }

    /** Numbers the events of one write: {@code event.meta.sequence {id, position}}. */
    private static List<ObjectNode> sequenced(List<ObjectNode> events) {
        String sequenceId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        int position = 1;
        for (ObjectNode e : events) {
            ((ObjectNode) e.get("event")).putObject("meta").putObject("sequence").put("id", sequenceId)
                    .put("position", position++);
        }
        return events;
    }

    private static ObjectNode changeEvent(TicketMutation m, TicketDiff.FieldChange change) {
        if (change.field().equals("tags")) {
            Set<String> before = names(change.previous());
            Set<String> after = names(change.current());
            ObjectNode event = Json.object();
            ArrayNode added = event.putArray("tags_added");
            after.stream().filter(t -> !before.contains(t)).forEach(added::add);
            ArrayNode removed = event.putArray("tags_removed");
            before.stream().filter(t -> !after.contains(t)).forEach(removed::add);
            return envelope(m, "tags_changed", event);
        }
        if (change.field().startsWith("custom_fields.")) {
            ObjectNode event = Json.object();
            event.putObject("custom_field").put("id", change.field().substring("custom_fields.".length()));
            event.set("current", change.current());
            event.set("previous", change.previous());
            return envelope(m, "custom_field_changed", event);
        }
        ObjectNode event = Json.object();
        event.set("current", detailValue(change.field(), change.current()));
        event.set("previous", detailValue(change.field(), change.previous()));
        return envelope(m, CHANGE_TYPES.get(change.field()), event);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode detailValue(String field, JsonNode value) {
        if (value.isNull()) {
            return NullNode.getInstance();
        }
        if (UPPER_CASED.contains(field)) {
            return TextNode.valueOf(value.asText().toUpperCase(Locale.ROOT));
        }
        return TextNode.valueOf(value.asText());
    }

    private static ObjectNode envelope(TicketMutation m, String type, ObjectNode event) {
        ObjectNode n = Json.object();
        n.put("type", PREFIX + type);
        n.put("account_id", ACCOUNT_ID);
        n.put("id", UUID.randomUUID().toString());
        n.put("time", ZendeskJson.time(m.at()));
        n.put("zendesk_event_version", "2022-11-06");
        n.put("subject", "zen:ticket:" + m.after().id());
        n.set("detail", detail(m));
        n.set("event", event);
        return n;
    }

    private static ObjectNode detail(TicketMutation m) {
        ZendeskTicket t = m.after();
        ObjectNode d = Json.object();
        d.put("actor_id", String.valueOf(m.actor().id()));
        d.put("assignee_id", id(t.assigneeId()));
        d.putNull("brand_id");
        d.put("created_at", ZendeskJson.time(t.createdAt()));
        d.putNull("custom_status");
        d.put("description", t.description());
        d.put("external_id", t.externalId());
        d.putNull("form_id");
        d.put("group_id", id(t.groupId()));
        d.put("id", String.valueOf(t.id()));
        d.put("is_public", t.isPublic());
        d.putNull("organization_id");
        d.put("priority", t.priority() == null ? null : t.priority().name());
        d.put("requester_id", String.valueOf(t.requesterId()));
        d.put("status", t.status().name());
        d.put("subject", t.subject());
        d.put("submitter_id", String.valueOf(t.submitterId()));
        ArrayNode tags = d.putArray("tags");
        t.tags().forEach(tags::add);
        d.put("type", t.type() == null ? null : t.type().name());
        d.put("updated_at", ZendeskJson.time(t.updatedAt()));
        d.putObject("via").put("channel", "api");
        return d;
    }

    private static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
