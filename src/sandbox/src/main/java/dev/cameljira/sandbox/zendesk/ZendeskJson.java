package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Renders tickets, comments, users and audits in the JSON shapes of Zendesk's /api/v2. */
final class ZendeskJson {

    private ZendeskJson() {
    }

    /** Zendesk's timestamp format: ISO-8601 UTC with second precision, e.g. 2026-11-28T10:15:30Z. */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode ticket(ZendeskTicket t, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("url", baseUrl + "/api/v2/tickets/" + t.id() + ".json");
        n.put("id", t.id());
        n.put("external_id", t.externalId());
        n.set("via", via());
        n.put("created_at", time(t.createdAt()));
        n.put("updated_at", time(t.updatedAt()));
        n.put("generated_timestamp", t.generatedTimestamp());
        n.put("type", t.type() == null ? null : t.type().wireName());
        n.put("subject", t.subject());
        n.put("raw_subject", t.subject());
        n.put("description", t.description());
        n.put("priority", t.priority() == null ? null : t.priority().wireName());
        n.put("status", t.status().wireName());
        n.putNull("recipient");
        n.put("requester_id", t.requesterId());
        n.put("submitter_id", t.submitterId());
        n.put("assignee_id", t.assigneeId());
        n.putNull("organization_id");
        n.put("group_id", t.groupId());
        n.putArray("collaborator_ids");
        n.putArray("follower_ids");
        n.putArray("email_cc_ids");
        n.putNull("forum_topic_id");
        n.putNull("problem_id");
        n.put("has_incidents", false);
        n.put("is_public", t.isPublic());
        n.put("due_at", time(t.dueAt()));
        ArrayNode tags = n.putArray("tags");
        t.tags().forEach(tags::add);
        n.set("custom_fields", customFields(t.customFields()));
        n.putNull("satisfaction_rating");
        n.putArray("sharing_agreement_ids");
        n.putNull("custom_status_id");
        n.set("fields", customFields(t.customFields()));
        n.putArray("followup_ids");
        n.putNull("ticket_form_id");
        n.putNull("brand_id");
        n.put("allow_channelback", false);
        n.put("allow_attachments", true);
        n.put("from_messaging_channel", false);
        return n;
    }

    private static ArrayNode customFields(List<CustomField> fields) {
        ArrayNode array = Json.array();
        fields.forEach(f -> array.addObject().put("id", f.id()).set("value", f.value()));
        return array;
    }

    static ObjectNode via() {
        ObjectNode via = Json.object().put("channel", "api");
        ObjectNode source = via.putObject("source");
        source.putObject("from");
        source.putObject("to");
        source.putNull("rel");
        return via;
    }

    static ObjectNode comment(ZendeskComment c, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("type", "Comment");
        n.put("author_id", c.authorId());
        n.put("body", c.body());
        n.put("html_body", c.htmlBody());
        n.put("plain_body", c.body());
        n.put("public", c.isPublic());
        ArrayNode attachments = n.putArray("attachments");
        c.attachments().forEach(a -> attachments.add(attachment(a, baseUrl)));
        n.put("audit_id", c.auditId());
        n.set("via", via());
        n.put("created_at", time(c.createdAt()));
        ObjectNode metadata = n.putObject("metadata");
        metadata.putObject("system");
        metadata.putObject("custom");
        return n;
    }

    /** An attachment as {@code GET /api/v2/attachments/{id}} and comments show it. */
    static ObjectNode attachment(ZendeskAttachment a, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("url", baseUrl + "/api/v2/attachments/" + a.id() + ".json");
        n.put("id", a.id());
        n.put("file_name", a.fileName());
        n.put("content_url", baseUrl + a.contentPath());
        n.put("mapped_content_url", baseUrl + a.contentPath());
        n.put("content_type", a.contentType());
        n.put("size", a.size());
        n.putNull("width");
        n.putNull("height");
        n.put("inline", false);
        n.put("deleted", false);
        n.put("malware_access_override", false);
        n.put("malware_scan_result", "malware_not_found");
        n.putArray("thumbnails");
        return n;
    }

    /** {@code {"token", "attachment": last file, "attachments": [all files]}}, the body of an upload. */
    static ObjectNode upload(ZendeskUpload u, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("token", u.token());
        List<ZendeskAttachment> files = u.attachments();
        n.set("attachment", attachment(files.get(files.size() - 1), baseUrl));
        ArrayNode all = n.putArray("attachments");
        files.forEach(a -> all.add(attachment(a, baseUrl)));
        return n;
    }

    static ObjectNode user(ZendeskUser u, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("url", baseUrl + "/api/v2/users/" + u.id() + ".json");
        n.put("name", u.name());
        n.put("email", u.email());
        n.put("created_at", time(u.createdAt()));
        n.put("updated_at", time(u.updatedAt()));
        n.put("time_zone", "UTC");
        n.put("iana_time_zone", "Etc/UTC");
        n.put("phone", u.phone());
        if (u.phone() == null) {
            n.putNull("shared_phone_number");
        } else {
            n.put("shared_phone_number", false);
        }
        n.putNull("photo");
        n.put("locale_id", 1);
        n.put("locale", "en-US");
        n.putNull("organization_id");
        n.put("role", u.role().wireName());
        n.put("verified", true);
        n.put("external_id", u.externalId());
        ArrayNode tags = n.putArray("tags");
        u.tags().forEach(tags::add);
        n.put("alias", u.alias() == null ? "" : u.alias());
        n.put("active", u.active());
        n.put("shared", false);
        n.put("shared_agent", false);
        n.putNull("last_login_at");
        n.put("two_factor_auth_enabled", false);
        n.put("signature", u.signature() == null ? "" : u.signature());
        n.put("details", u.details() == null ? "" : u.details());
        n.put("notes", u.notes() == null ? "" : u.notes());
        if (u.role() == ZendeskRole.ADMIN) {
            n.put("role_type", 4);
        } else if (u.role() == ZendeskRole.AGENT) {
            n.put("role_type", 0);
        } else {
            n.putNull("role_type");
        }
        n.putNull("custom_role_id");
        n.put("moderator", u.role().isStaff());
        if (u.role().isStaff()) {
            n.putNull("ticket_restriction");
        } else {
            n.put("ticket_restriction", "requested");
        }
        n.put("only_private_comments", false);
        n.put("restricted_agent", false);
        n.put("suspended", u.suspended());
        n.putNull("default_group_id");
        n.put("report_csv", false);
        ObjectNode fields = n.putObject("user_fields");
        u.userFields().forEach(fields::set);
        return n;
    }

    /**
     * A ticket field as {@code GET /api/v2/ticket_fields} shows it; status, tickettype and priority list their
     * {@code system_field_options}, tagger and multiselect fields their {@code custom_field_options}.
     */
    static ObjectNode ticketField(ZendeskTicketField f, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("url", baseUrl + "/api/v2/ticket_fields/" + f.id() + ".json");
        n.put("id", f.id());
        n.put("type", f.type());
        n.put("title", f.title());
        n.put("raw_title", f.title());
        n.put("description", f.description());
        n.put("raw_description", f.description());
        n.put("position", f.position());
        n.put("active", f.active());
        n.put("required", f.required());
        n.put("collapsed_for_agents", false);
        n.putNull("regexp_for_validation");
        n.put("title_in_portal", f.title());
        n.put("raw_title_in_portal", f.title());
        boolean portal = f.type().equals("subject") || f.type().equals("description");
        n.put("visible_in_portal", portal);
        n.put("editable_in_portal", portal);
        n.put("required_in_portal", portal);
        n.putNull("tag");
        n.put("created_at", time(f.createdAt()));
        n.put("updated_at", time(f.updatedAt()));
        n.put("removable", !f.system());
        n.putNull("agent_description");
        if (f.system() && !f.options().isEmpty()) {
            ArrayNode options = n.putArray("system_field_options");
            f.options().forEach(o -> options.addObject().put("name", o.name()).put("value", o.value()));
        } else if (!f.system() && (f.type().equals("tagger") || f.type().equals("multiselect"))) {
            ArrayNode options = n.putArray("custom_field_options");
            f.options().forEach(o -> options.addObject().put("id", o.id()).put("name", o.name())
                    .put("raw_name", o.name()).put("value", o.value()).put("default", false));
        }
        return n;
    }

    /** A user identity as {@code GET /api/v2/users/{id}/identities} shows it. */
    static ObjectNode identity(ZendeskIdentity i, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("url", baseUrl + "/api/v2/users/" + i.userId() + "/identities/" + i.id() + ".json");
        n.put("id", i.id());
        n.put("user_id", i.userId());
        n.put("type", i.type());
        n.put("value", i.value());
        n.put("verified", i.verified());
        n.put("primary", i.primary());
        n.put("created_at", time(i.createdAt()));
        n.put("updated_at", time(i.updatedAt()));
        n.put("undeliverable_count", 0);
        n.put("deliverable_state", "deliverable");
        return n;
    }

    /**
     * A value as audit events carry it: Zendesk's Create and Change events hold strings (ids too, e.g.
     * {@code "value": "1001"} for an assignee), arrays for tags and multi-select fields, or null.
     */
    private static com.fasterxml.jackson.databind.JsonNode eventValue(com.fasterxml.jackson.databind.JsonNode value) {
        return value.isNumber() ? Json.MAPPER.getNodeFactory().textNode(value.asText()) : value;
    }

    /**
     * The audit of one write: the Comment event (the comment as the comments endpoint shows it, without via,
     * created_at and metadata) first, then one Create event per field set on a new ticket, or one Change event with
     * {@code previous_value} per field an update changed, in the field order of {@link TicketDiff}.
     */
    static ObjectNode audit(TicketMutation m, String baseUrl) {
        ObjectNode n = Json.object();
        n.put("id", m.auditId());
        n.put("ticket_id", m.after().id());
        n.put("created_at", time(m.at()));
        n.put("author_id", m.actor().id());
        ObjectNode metadata = n.putObject("metadata");
        metadata.putObject("system");
        metadata.putObject("custom");
        n.set("via", via());
        ArrayNode events = n.putArray("events");
        long eventId = m.auditId() * 100;
        if (m.comment() != null) {
            ObjectNode comment = comment(m.comment(), baseUrl);
            comment.remove(List.of("via", "created_at", "metadata"));
            events.add(comment);
        }
        for (TicketDiff.FieldChange change : TicketDiff.between(m.before(), m.after())) {
            ObjectNode event = events.addObject().put("id", ++eventId).put("type", m.isCreate() ? "Create" : "Change");
            String field = change.field();
            if (field.startsWith("custom_fields.")) {
                field = field.substring("custom_fields.".length());
            }
            event.put("field_name", field);
            event.set("value", eventValue(change.current()));
            if (!m.isCreate()) {
                event.set("previous_value", eventValue(change.previous()));
            }
        }
        return n;
    }
}
