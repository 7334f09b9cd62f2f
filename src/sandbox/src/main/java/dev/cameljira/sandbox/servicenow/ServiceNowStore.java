package dev.cameljira.sandbox.servicenow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The emulated instance's tables (incident, sys_user, sys_user_group, sys_journal_field, sys_attachment), the
 * attachments' bytes and user passwords. Every method is
 * synchronized: one lock guards the instance. Incident writes run {@link IncidentRules}.
 */
final class ServiceNowStore {
    private static final long FIRST_NUMBER = 10001;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The outcome of one incident write.
     *
     * @param event   incident.created, incident.updated or incident.deleted
     * @param before  the row before (null on insert)
     * @param after   the row after (the deleted row on delete)
     * @param journal journal entries added
     * @param changed names of the columns whose stored value changed (journal columns included when written)
     */
    record Write(String event, Row before, Row after, List<Row> journal, List<String> changed) {
        boolean changedAnything() {
            return !changed.isEmpty() || before == null || event.endsWith("deleted");
        }
    }

    /**
     * The outcome of one attachment write.
     *
     * @param event      attachment.uploaded or attachment.deleted
     * @param attachment the sys_attachment row (the removed one on delete)
     * @param parent     the record it is attached to
     * @param actor      user_name of who did it
     */
    record AttachmentWrite(String event, Row attachment, Row parent, String actor) {
    }

    /** The chunk size an instance reports for stored attachments (sys_attachment.chunk_size_bytes). */
    private static final int CHUNK_SIZE_BYTES = 700_000;
    /** com.glide.attachment.max_size of a stock instance: 1024 MB. */
    static final long DEFAULT_MAX_ATTACHMENT_BYTES = 1024L * 1024 * 1024;

    private final Clock clock;
    private final Map<String, Map<String, Row>> tables = new HashMap<>();
    private final Map<String, byte[]> attachmentContent = new HashMap<>();
    private long maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES;
    private final Map<String, String> passwords = new HashMap<>();
    private long nextNumber;

    ServiceNowStore(Clock clock) {
        this.clock = clock;
        clear();
    }

    synchronized void clear() {
        tables.clear();
        List.of(Tables.INCIDENT, Tables.SYS_USER, Tables.SYS_USER_GROUP, Tables.SYS_JOURNAL_FIELD,
                Tables.SYS_ATTACHMENT).forEach(t -> tables.put(t, new LinkedHashMap<>()));
        attachmentContent.clear();
        passwords.clear();
        nextNumber = FIRST_NUMBER;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static String newSysId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ------------------------------------------------------------------------------ reads

    synchronized List<Row> rows(String table) {
        return List.copyOf(tables.get(table).values());
    }

    synchronized Optional<Row> row(String table, String sysId) {
        return Optional.ofNullable(tables.get(table).get(sysId));
    }

    /** The sys_journal_field entries of a record, oldest first. */
    synchronized List<Row> journal(String elementId) {
        return tables.get(Tables.SYS_JOURNAL_FIELD).values().stream()
                .filter(r -> r.get("element_id").equals(elementId)).toList();
    }

    synchronized Optional<ServiceNowUser> userByName(String userName) {
        return tables.get(Tables.SYS_USER).values().stream().filter(r -> r.get("user_name").equals(userName))
                .findFirst().map(ServiceNowUser::from);
    }

    synchronized Optional<ServiceNowUser> authenticate(String userName, String password) {
        return Objects.equals(passwords.get(userName), password) && password != null
                ? userByName(userName).filter(ServiceNowUser::active) : Optional.empty();
    }

    // ------------------------------------------------------------------------------ users

    synchronized ServiceNowUser createUser(String userName, String name, String email, String password) {
        if (userName == null || !userName.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException(
                    "A user name is letters, digits, '.', '_', '@' or '-', got: " + userName);
        }
        if (userByName(userName).isPresent()) {
            throw new IllegalArgumentException("A sys_user with user_name '" + userName + "' already exists");
        }
        String now = GlideTime.format(now());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sys_id", newSysId());
        v.put("user_name", userName);
        v.put("name", name == null ? userName : name);
        int space = v.get("name").indexOf(' ');
        v.put("first_name", space < 0 ? v.get("name") : v.get("name").substring(0, space));
        v.put("last_name", space < 0 ? "" : v.get("name").substring(space + 1));
        v.put("email", email == null ? "" : email);
        v.put("active", "true");
        putInsertAudit(v, Tables.SYS_USER, "system", now);
        Row row = new Row(Tables.SYS_USER, v);
        tables.get(Tables.SYS_USER).put(row.sysId(), row);
        if (password != null) {
            passwords.put(userName, password);
        }
        return ServiceNowUser.from(row);
    }

    synchronized ServiceNowGroup createGroup(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A group needs a name");
        }
        boolean exists = tables.get(Tables.SYS_USER_GROUP).values().stream().anyMatch(r -> r.get("name").equals(name));
        if (exists) {
            throw new IllegalArgumentException("A sys_user_group named '" + name + "' already exists");
        }
        String now = GlideTime.format(now());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sys_id", newSysId());
        v.put("name", name);
        v.put("description", description == null ? "" : description);
        v.put("email", "");
        v.put("active", "true");
        putInsertAudit(v, Tables.SYS_USER_GROUP, "system", now);
        Row row = new Row(Tables.SYS_USER_GROUP, v);
        tables.get(Tables.SYS_USER_GROUP).put(row.sysId(), row);
        return ServiceNowGroup.from(row);
    }

    // ------------------------------------------------------------------------------ incident writes

    synchronized Write insertIncident(RecordInput input, ServiceNowUser actor) {
        String now = GlideTime.format(now());
        Map<String, String> values = IncidentRules.onInsert(input.values(), input.sent(), actor, now,
                String.format("INC%07d", nextNumber));
        String sysId = values.getOrDefault("sys_id", "");
        if (!sysId.matches("[0-9a-f]{32}") || tables.get(Tables.INCIDENT).containsKey(sysId)) {
            sysId = newSysId();
        }
        if (values.get("number").equals(String.format("INC%07d", nextNumber))) {
            nextNumber++;
        }
        values.put("sys_id", sysId);
        putInsertAudit(values, Tables.INCIDENT, actor.userName(), now);
        Row row = new Row(Tables.INCIDENT, ordered(values));
        tables.get(Tables.INCIDENT).put(sysId, row);
        List<Row> journal = appendJournal(row, input.journal(), actor, now);
        List<String> changed = new ArrayList<>(row.values().keySet());
        changed.addAll(input.journal().keySet());
        return new Write("incident.created", null, row, journal, changed);
    }

    synchronized Write updateIncident(String sysId, RecordInput input, ServiceNowUser actor) {
        Row before = row(Tables.INCIDENT, sysId).orElseThrow(ApiException::notFound);
        String now = GlideTime.format(now());
        Map<String, String> merged = new LinkedHashMap<>(before.values());
        merged.putAll(input.values());
        Map<String, String> values = IncidentRules.onUpdate(before, merged, input.sent(), actor, now);
        List<String> changed = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.add(k);
            }
        });
        changed.addAll(input.journal().keySet());
        if (changed.isEmpty()) {
            return new Write("incident.updated", before, before, List.of(), List.of());
        }
        if (!input.suppressAutoSysFields()) {
            values.put("sys_updated_on", now);
            values.put("sys_updated_by", actor.userName());
            values.put("sys_mod_count", String.valueOf(Integer.parseInt(before.get("sys_mod_count")) + 1));
        }
        Row after = new Row(Tables.INCIDENT, ordered(values));
        tables.get(Tables.INCIDENT).put(sysId, after);
        List<Row> journal = appendJournal(after, input.journal(), actor, now);
        return new Write("incident.updated", before, after, journal, changed);
    }

    /** Deletes an incident and, as ServiceNow does, its attachments (its journal entries stay). */
    synchronized Write deleteIncident(String sysId) {
        Row before = tables.get(Tables.INCIDENT).remove(sysId);
        if (before == null) {
            throw ApiException.notFound();
        }
        tables.get(Tables.SYS_ATTACHMENT).values().removeIf(a -> {
            boolean attached = a.get("table_sys_id").equals(sysId) && a.get("table_name").equals(Tables.INCIDENT);
            if (attached) {
                attachmentContent.remove(a.sysId());
            }
            return attached;
        });
        return new Write("incident.deleted", before, before, List.of(), List.of());
    }

    // ------------------------------------------------------------------------------ attachments

    synchronized void maxAttachmentBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The maximum attachment size must be at least 1 byte, got " + bytes);
        }
        maxAttachmentBytes = bytes;
    }

    /**
     * Attaches a file to a record of a writable table, as POST /api/now/attachment/file does. The parent record is
     * not modified (no sys_updated_on or sys_mod_count change, no incident event), as in ServiceNow.
     *
     * @param createdOn sys_created_on to record ("yyyy-MM-dd HH:mm:ss"), or null for now
     */
    synchronized AttachmentWrite insertAttachment(String table, String tableSysId, String fileName,
                                                  String contentType, byte[] content, ServiceNowUser actor,
                                                  String createdOn) {
        TableSchema schema = Tables.byName(table)
                .orElseThrow(() -> ApiException.badRequest("Invalid table " + table, null));
        if (!schema.writable()) {
            throw new ApiException(403, "Operation Failed", "ACL Exception Insert Failed due to security constraints");
        }
        Row parent = row(table, tableSysId).orElseThrow(ApiException::notFound);
        if (content.length > maxAttachmentBytes) {
            throw ApiException.badRequest("Failed to create the attachment", "The file is " + content.length
                    + " bytes; com.glide.attachment.max_size allows " + maxAttachmentBytes + " bytes");
        }
        String now = createdOn == null ? GlideTime.format(now()) : createdOn;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sys_id", newSysId());
        v.put("file_name", fileName);
        v.put("content_type", contentType);
        v.put("size_bytes", String.valueOf(content.length));
        v.put("size_compressed", String.valueOf(gzippedSize(content)));
        v.put("compressed", "true");
        v.put("table_name", table);
        v.put("table_sys_id", tableSysId);
        v.put("image_width", "");
        v.put("image_height", "");
        v.put("average_image_color", "");
        v.put("state", "available");
        v.put("hash", sha256Hex(content));
        v.put("chunk_size_bytes", String.valueOf(CHUNK_SIZE_BYTES));
        putInsertAudit(v, Tables.SYS_ATTACHMENT, actor.userName(), now);
        v.put("sys_tags", "");
        Row row = new Row(Tables.SYS_ATTACHMENT, v);
        tables.get(Tables.SYS_ATTACHMENT).put(row.sysId(), row);
        attachmentContent.put(row.sysId(), content.clone());
        return new AttachmentWrite("attachment.uploaded", row, parent, actor.userName());
    }

    synchronized AttachmentWrite deleteAttachment(String sysId, ServiceNowUser actor) {
        Row removed = tables.get(Tables.SYS_ATTACHMENT).remove(sysId);
        if (removed == null) {
            throw ApiException.notFound();
        }
        attachmentContent.remove(sysId);
        Row parent = row(removed.get("table_name"), removed.get("table_sys_id")).orElse(null);
        return new AttachmentWrite("attachment.deleted", removed, parent, actor.userName());
    }

    synchronized Optional<byte[]> attachmentContent(String sysId) {
        return Optional.ofNullable(attachmentContent.get(sysId)).map(byte[]::clone);
    }

    /** The attachments of a record, oldest first. */
    synchronized List<Row> attachmentsOf(String table, String tableSysId) {
        return tables.get(Tables.SYS_ATTACHMENT).values().stream()
                .filter(a -> a.get("table_name").equals(table) && a.get("table_sys_id").equals(tableSysId)).toList();
    }

    /** The SHA-256 of the bytes, in hex: what an instance reports as an attachment's hash. */
    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** What size_compressed reports: ServiceNow stores attachments gzipped. */
    private static int gzippedSize(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private List<Row> appendJournal(Row record, Map<String, String> entries, ServiceNowUser actor, String now) {
        List<Row> added = new ArrayList<>();
        entries.forEach((element, text) -> {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("sys_id", newSysId());
            v.put("element_id", record.sysId());
            v.put("element", element);
            v.put("name", record.table());
            v.put("value", text);
            v.put("sys_created_on", now);
            v.put("sys_created_by", actor.userName());
            Row row = new Row(Tables.SYS_JOURNAL_FIELD, v);
            tables.get(Tables.SYS_JOURNAL_FIELD).put(row.sysId(), row);
            added.add(row);
        });
        return added;
    }

    /** The system fields ServiceNow sets on every inserted record. */
    private static void putInsertAudit(Map<String, String> values, String table, String by, String now) {
        values.put("sys_created_on", now);
        values.put("sys_created_by", by);
        values.put("sys_updated_on", now);
        values.put("sys_updated_by", by);
        values.put("sys_mod_count", "0");
        values.put("sys_class_name", table);
    }

    /** Values in the schema's column order (custom columns after). */
    private static Map<String, String> ordered(Map<String, String> values) {
        Map<String, String> ordered = new LinkedHashMap<>();
        Tables.INCIDENT_SCHEMA.columns().values().stream()
                .filter(c -> c.type() != ColumnType.JOURNAL && c.type() != ColumnType.JOURNAL_LIST)
                .forEach(c -> ordered.put(c.name(), values.getOrDefault(c.name(), "")));
        values.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
