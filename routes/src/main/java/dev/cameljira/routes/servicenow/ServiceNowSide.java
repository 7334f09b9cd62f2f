package dev.cameljira.routes.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.cameljira.routes.SyncSettings;
import dev.cameljira.routes.SyncSystem;
import dev.cameljira.routes.engine.AttachmentInfo;
import dev.cameljira.routes.engine.Failures;
import dev.cameljira.routes.engine.OtherChange;
import dev.cameljira.routes.engine.OtherComment;
import dev.cameljira.routes.engine.OtherRecord;
import dev.cameljira.routes.engine.OtherSide;
import dev.cameljira.routes.engine.Person;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * ServiceNow through Apache's camel-servicenow (Table API, Attachment API) with the component's own connection
 * ({@code camel.component.servicenow.*}): incidents, their journal (comments and work notes) and sys_user look-ups.
 * Values are read as stored values (state and priority numbers, references as sys_ids, times in UTC).
 */
public final class ServiceNowSide implements OtherSide {
    /** ServiceNow's stored date-time format (UTC). */
    public static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Duration USER_TTL = Duration.ofMinutes(10);

    private final ProducerTemplate producer;
    private final SyncSettings settings;
    private final String base;
    private final String instanceBaseUrl;
    private final Clock clock;
    private final Map<String, CachedUser> users = new ConcurrentHashMap<>();

    private record CachedUser(Optional<Map<String, Object>> user, Instant until) {
    }

    /**
     * @param instanceBaseUrl https://acme.service-now.com (for agent links)
     */
    public ServiceNowSide(ProducerTemplate producer, SyncSettings settings, String instanceBaseUrl, Clock clock) {
        this.producer = producer;
        this.settings = settings;
        this.base = settings.otherComponent() + ":" + settings.servicenowInstance();
        this.instanceBaseUrl = instanceBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    @Override
    public SyncSystem system() {
        return SyncSystem.SERVICENOW;
    }

    @Override
    public String label(String field, String value) {
        if (value == null) {
            return null;
        }
        if (field.equals("status")) {
            return switch (value) {
                case "1" -> "New";
                case "2" -> "In Progress";
                case "3" -> "On Hold";
                case "6" -> "Resolved";
                case "7" -> "Closed";
                case "8" -> "Canceled";
                default -> value;
            };
        }
        if (field.equals("priority")) {
            return switch (value) {
                case "1" -> "1 - Critical";
                case "2" -> "2 - High";
                case "3" -> "3 - Moderate";
                case "4" -> "4 - Low";
                case "5" -> "5 - Planning";
                default -> value;
            };
        }
        return value;
    }

    /** A Table API call on {@code table} with the given action and headers. */
    Object table(String table, String action, Object body, Map<String, Object> headers) {
        Map<String, Object> h = new HashMap<>(headers);
        h.put("CamelServiceNowAction", action);
        Exchange result = producer.request(base + "?resource=table&table=" + table + "&excludeReferenceLink=true",
                e -> {
                    e.getIn().setHeaders(h);
                    e.getIn().setBody(body);
                });
        if (result.getException() != null) {
            Throwable t = Failures.unwrap(result.getException());
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
        return result.getMessage().getBody();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> query(String table, String query, String fields, int limit) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelServiceNowQuery", query);
        h.put("CamelServiceNowLimit", limit);
        if (fields != null) {
            h.put("CamelServiceNowFields", fields);
        }
        Object body;
        try {
            body = table(table, "retrieve", null, h);
        } catch (RuntimeException e) {
            if (Failures.isNotFound(e)) {
                return List.of();
            }
            throw e;
        }
        if (body instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        if (body instanceof Map<?, ?> m) {
            return List.of((Map<String, Object>) m);
        }
        return List.of();
    }

    /** Rows of any table matching {@code query} (one page). */
    public List<Map<String, Object>> rows(String table, String query, String fields, int limit) {
        return query(table, query, fields, limit);
    }

    /** One page of incidents matching {@code query}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> page(String query, String fields, int limit, int offset) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelServiceNowQuery", query);
        h.put("CamelServiceNowLimit", limit);
        h.put("CamelServiceNowOffset", offset);
        h.put("CamelServiceNowFields", fields);
        Object body;
        try {
            body = table("incident", "retrieve", null, h);
        } catch (RuntimeException e) {
            if (Failures.isNotFound(e)) {
                return List.of();
            }
            throw e;
        }
        return body instanceof List<?> list ? (List<Map<String, Object>>) list
                : body instanceof Map<?, ?> m && !m.isEmpty() ? List.of((Map<String, Object>) m) : List.of();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<OtherRecord> read(String idOrNumber) {
        String id = idOrNumber.trim();
        Map<String, Object> row;
        if (SYS_ID.matcher(id).matches()) {
            try {
                row = (Map<String, Object>) table("incident", "retrieve", null, Map.of("CamelServiceNowSysId", id));
            } catch (RuntimeException e) {
                if (Failures.isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        } else {
            List<Map<String, Object>> rows = query("incident", "number=" + id, null, 1);
            row = rows.isEmpty() ? null : rows.get(0);
        }
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(toRecord(row));
    }

    /** The record of an incident row (stored values). */
    public OtherRecord toRecord(Map<String, Object> row) {
        String sysId = s(row, "sys_id");
        String number = s(row, "number");
        Person assignee = s(row, "assigned_to") == null ? null : userBySysId(s(row, "assigned_to"));
        Person caller = s(row, "caller_id") == null ? null : userBySysId(s(row, "caller_id"));
        String state = s(row, "state");
        return new OtherRecord(sysId, number, instanceBaseUrl + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + sysId,
                s(row, "short_description"), s(row, "description"), state, s(row, "priority"), s(row, "category"),
                assignee, caller, List.of(), s(row, "correlation_id"), time(s(row, "sys_created_on")),
                time(s(row, "sys_updated_on")), false, row);
    }

    @Override
    public List<OtherComment> comments(OtherRecord record) {
        List<Map<String, Object>> rows = query("sys_journal_field", "element_id=" + record.id()
                + "^elementINcomments,work_notes^ORDERBYsys_created_on", "sys_id,element,value,sys_created_by,sys_created_on",
                10_000);
        List<OtherComment> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String by = s(r, "sys_created_by");
            String author = by == null ? "ServiceNow user" : userByName(by).map(Person::label).orElse(by);
            out.add(new OtherComment(s(r, "sys_id"), author, s(r, "value"), "comments".equals(s(r, "element")),
                    time(s(r, "sys_created_on"))));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OtherRecord update(OtherRecord record, OtherChange change) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (change.summary() != null) {
            body.put("short_description", change.summary());
        }
        if (change.status() != null) {
            body.put("state", change.status());
            if (change.status().equals(ServiceNowValues.RESOLVED) || change.status().equals(ServiceNowValues.CLOSED)) {
                // a stock instance's data policy: resolving needs a resolution code and notes
                body.put("close_code", settings.closeCode());
                body.put("close_notes", settings.closeNotes() + (record.linkedKey() == null ? ""
                        : " (" + record.linkedKey() + ")"));
            }
        }
        if (change.priority() != null) {
            String[] iu = ServiceNowValues.impactAndUrgency(change.priority());
            body.put("impact", iu[0]);
            body.put("urgency", iu[1]);
        }
        if (change.assigneeChanged()) {
            body.put("assigned_to", change.assignee() == null ? "" : change.assignee().id());
        }
        Map<String, Object> after = (Map<String, Object>) table("incident", "update", body,
                Map.of("CamelServiceNowSysId", record.id()));
        return after == null || after.isEmpty() ? record : toRecord(after);
    }

    @Override
    public String addComment(OtherRecord record, String text, boolean isPublic) {
        table("incident", "update", new LinkedHashMap<>(Map.of(isPublic ? "comments" : "work_notes", text)),
                Map.of("CamelServiceNowSysId", record.id()));
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OtherRecord link(OtherRecord record, String jiraKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlation_id", jiraKey);
        body.put("correlation_display", settings.correlationDisplay());
        Map<String, Object> after = (Map<String, Object>) table("incident", "update", body,
                Map.of("CamelServiceNowSysId", record.id()));
        return after == null || after.isEmpty() ? record : toRecord(after);
    }

    @Override
    public Optional<Person> findAgent(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return cachedUser("email:" + email.trim().toLowerCase(Locale.ROOT),
                () -> query("sys_user", "email=" + email.trim() + "^active=true", "sys_id,user_name,name,email", 1))
                .map(ServiceNowSide::person);
    }

    @Override
    public boolean qualifies(OtherRecord record) {
        if (settings.selector() == null) {
            return true;
        }
        return !query("incident", "sys_id=" + record.id() + "^" + settings.selector(), "sys_id", 1).isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AttachmentInfo> attachments(OtherRecord record) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelServiceNowAction", "retrieve");
        h.put("CamelServiceNowQuery", "table_name=incident^table_sys_id=" + record.id());
        Exchange result = producer.request(base + "?resource=attachment", e -> e.getIn().setHeaders(h));
        if (result.getException() != null) {
            if (Failures.isNotFound(result.getException())) {
                return List.of();
            }
            Throwable t = Failures.unwrap(result.getException());
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
        Object body = result.getMessage().getBody();
        List<Map<String, Object>> rows = body instanceof List<?> l ? (List<Map<String, Object>>) l
                : body instanceof Map<?, ?> m ? List.of((Map<String, Object>) m) : List.of();
        List<AttachmentInfo> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long size;
            try {
                size = Long.parseLong(String.valueOf(r.getOrDefault("size_bytes", "0")));
            } catch (NumberFormatException e) {
                size = 0;
            }
            out.add(new AttachmentInfo(s(r, "sys_id"), s(r, "file_name"), s(r, "content_type"), size, s(r, "sys_id")));
        }
        return out;
    }

    @Override
    public byte[] download(OtherRecord record, AttachmentInfo attachment) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelServiceNowAction", "content");
        h.put("CamelServiceNowSysId", attachment.id());
        Exchange result = producer.request(base + "?resource=attachment", e -> e.getIn().setHeaders(h));
        if (result.getException() != null) {
            Throwable t = Failures.unwrap(result.getException());
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
        return result.getMessage().getBody(byte[].class);
    }

    @Override
    public void upload(OtherRecord record, String fileName, String contentType, byte[] content) {
        Map<String, Object> h = new HashMap<>();
        h.put("CamelServiceNowAction", "upload");
        h.put("CamelServiceNowFileName", fileName);
        h.put("CamelServiceNowTable", "incident");
        h.put("CamelServiceNowTableSysId", record.id());
        h.put("CamelServiceNowContentType", contentType == null ? "application/octet-stream" : contentType);
        h.put(Exchange.CONTENT_TYPE, contentType == null ? "application/octet-stream" : contentType);
        Exchange result = producer.request(base + "?resource=attachment", e -> {
            e.getIn().setHeaders(h);
            e.getIn().setBody(new java.io.ByteArrayInputStream(content));
        });
        if (result.getException() != null) {
            Throwable t = Failures.unwrap(result.getException());
            throw t instanceof RuntimeException r ? r : new org.apache.camel.RuntimeCamelException(t);
        }
    }

    private Person userBySysId(String sysId) {
        return cachedUser("sys_id:" + sysId, () -> query("sys_user", "sys_id=" + sysId, "sys_id,user_name,name,email", 1))
                .map(ServiceNowSide::person).orElse(new Person(sysId, null, null));
    }

    private Optional<Person> userByName(String userName) {
        return cachedUser("user_name:" + userName, () -> query("sys_user", "user_name=" + userName,
                "sys_id,user_name,name,email", 1)).map(ServiceNowSide::person);
    }

    private Optional<Map<String, Object>> cachedUser(String key,
                                                     java.util.function.Supplier<List<Map<String, Object>>> lookup) {
        Instant now = clock.instant();
        CachedUser c = users.get(key);
        if (c != null && c.until().isAfter(now)) {
            return c.user();
        }
        List<Map<String, Object>> rows = lookup.get();
        Optional<Map<String, Object>> u = rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        users.put(key, new CachedUser(u, now.plus(USER_TTL)));
        return u;
    }

    private static Person person(Map<String, Object> u) {
        return new Person(s(u, "sys_id"), s(u, "email"), s(u, "name") != null ? s(u, "name") : s(u, "user_name"));
    }

    static String s(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v instanceof Map<?, ?> ref) {
            v = ref.get("value");
        }
        if (v == null) {
            return null;
        }
        String t = String.valueOf(v);
        return t.isEmpty() ? null : t;
    }

    /** Reads a stored ServiceNow date-time (UTC). */
    public static Instant time(String glide) {
        if (glide == null || glide.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(glide.trim(), GLIDE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
