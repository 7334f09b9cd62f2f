package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/** Field-level differences between two versions of a ticket, in wire terms (audit "Change" events, webhooks). */
final class TicketDiff {

    /** One changed field: {@code field} is the wire name ("status", "tags", or "custom_fields.<id>"). */
    record FieldChange(String field, JsonNode previous, JsonNode current) {
    }

    private record Tracked(String field, Function<ZendeskTicket, JsonNode> value) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<Tracked> TRACKED = List.of(
            new Tracked("subject", t -> text(t.subject())),
            new Tracked("status", t -> text(t.status().wireName())),
            new Tracked("priority", t -> text(t.priority() == null ? null : t.priority().wireName())),
            new Tracked("type", t -> text(t.type() == null ? null : t.type().wireName())),
            new Tracked("external_id", t -> text(t.externalId())),
            new Tracked("requester_id", t -> number(t.requesterId())),
            new Tracked("assignee_id", t -> number(t.assigneeId())),
            new Tracked("group_id", t -> number(t.groupId())),
            new Tracked("due_at", t -> text(ZendeskJson.time(t.dueAt()))),
            new Tracked("tags", t -> {
                var array = NODES.arrayNode();
                t.tags().forEach(array::add);
                return array;
            }));

    private TicketDiff() {
    }

    static List<FieldChange> between(ZendeskTicket before, ZendeskTicket after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Tracked tracked : TRACKED) {
            JsonNode previous = before == null ? NullNode.getInstance() : tracked.value().apply(before);
            JsonNode current = tracked.value().apply(after);
            if (!Objects.equals(previous, current) && !(before == null && isEmpty(current))) {
                changes.add(new FieldChange(tracked.field(), previous, current));
            }
        }
        TreeSet<Long> ids = new TreeSet<>();
        after.customFields().forEach(f -> ids.add(f.id()));
        if (before != null) {
            before.customFields().forEach(f -> ids.add(f.id()));
        }
        for (long id : ids) {
            JsonNode previous = before == null ? NullNode.getInstance()
                    : before.customField(id).map(CustomField::value).orElse(NullNode.getInstance());
            JsonNode current = after.customField(id).map(CustomField::value).orElse(NullNode.getInstance());
            if (!previous.equals(current)) {
                changes.add(new FieldChange("custom_fields." + id, previous, current));
            }
        }
        return changes;
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || node.isArray() && node.isEmpty();
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.getInstance() : NODES.textNode(value);
    }

    private static JsonNode number(Long value) {
        return value == null ? NullNode.getInstance() : NODES.numberNode(value);
    }

    private static JsonNode number(long value) {
        return NODES.numberNode(value);
    }
}
