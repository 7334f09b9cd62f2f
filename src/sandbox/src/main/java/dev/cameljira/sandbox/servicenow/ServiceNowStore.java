package dev.cameljira.sandbox.servicenow;

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

/**
 * The emulated instance's tables (incident, sys_user, sys_journal_field) and user passwords. Every method is
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

    private final Clock clock;
    private final Map<String, Map<String, Row>> tables = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private long nextNumber;

    ServiceNowStore(Clock clock) {
        this.clock = clock;
        clear();
    }

    synchronized void clear() {
        tables.clear();
        List.of(Tables.INCIDENT, Tables.SYS_USER, Tables.SYS_USER_GROUP, Tables.SYS_JOURNAL_FIELD)
                .forEach(t -> tables.put(t, new LinkedHashMap<>()));
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

    synchronized Write deleteIncident(String sysId) {
        Row before = tables.get(Tables.INCIDENT).remove(sysId);
        if (before == null) {
            throw ApiException.notFound();
        }
        return new Write("incident.deleted", before, before, List.of(), List.of());
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
