package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account's ticket fields: the system fields a new Zendesk account has, then the custom fields admins add
 * ({@code POST /api/v2/ticket_fields} or {@link ZendeskEmulator#addTicketField}). Thread-safe.
 */
final class TicketFields {
    /** Custom field types the emulator creates (Zendesk's lookup and partialcreditcard are not emulated). */
    static final Set<String> CUSTOM_TYPES = Set.of("text", "textarea", "checkbox", "date", "integer", "decimal",
            "regexp", "tagger", "multiselect");
    private static final Set<String> WITH_OPTIONS = Set.of("tagger", "multiselect");
    private static final long FIRST_FIELD_ID = 360_000_001L;
    private static final long FIRST_OPTION_ID = 361_000_001L;

    private final Clock clock;
    private final Map<Long, ZendeskTicketField> fields = new LinkedHashMap<>();
    private long nextFieldId;
    private long nextOptionId;

    TicketFields(Clock clock) {
        this.clock = clock;
        clear();
    }

    /** Forgets the custom fields and seeds the system fields again. */
    synchronized void clear() {
        fields.clear();
        nextFieldId = FIRST_FIELD_ID;
        nextOptionId = FIRST_OPTION_ID;
        system("subject", "Subject", "Please enter a brief description of your request", true, List.of());
        system("description", "Description", "Please enter the details of your request", true, List.of());
        system("status", "Status", "Request status", false, options(
                "Open", "open", "Pending", "pending", "On-hold", "hold", "Solved", "solved"));
        system("tickettype", "Type", "Request type", false, options(
                "Question", "question", "Incident", "incident", "Problem", "problem", "Task", "task"));
        system("priority", "Priority", "Request priority", false, options(
                "Low", "low", "Normal", "normal", "High", "high", "Urgent", "urgent"));
        system("group", "Group", "Request group", false, List.of());
        system("assignee", "Assignee", "Agent assigned to your request", true, List.of());
    }

    private static List<ZendeskTicketField.Option> options(String... namesAndValues) {
        List<ZendeskTicketField.Option> options = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.add(new ZendeskTicketField.Option(0, namesAndValues[i], namesAndValues[i + 1]));
        }
        return options;
    }

    private void system(String type, String title, String description, boolean required,
                        List<ZendeskTicketField.Option> options) {
        Instant now = now();
        long id = nextFieldId++;
        fields.put(id, new ZendeskTicketField(id, type, title, description, fields.size() + 1, true, required, true,
                options, now, now));
    }

    /** Every field, system fields first, then custom ones in creation order (their positions). */
    synchronized List<ZendeskTicketField> all() {
        return List.copyOf(fields.values());
    }

    synchronized Optional<ZendeskTicketField> get(long id) {
        return Optional.ofNullable(fields.get(id));
    }

    /**
     * Adds a custom field. 422 RecordInvalid (nothing added) for a blank title, a type the emulator does not
     * create, or a tagger / multiselect field without options or with a blank or repeated option value.
     *
     * @param options option name -> value, in order (tagger and multiselect only)
     */
    synchronized ZendeskTicketField add(String type, String title, String description, boolean required,
                                        Map<String, String> options) {
        if (title == null || title.isBlank()) {
            throw ApiException.invalid("title", "BlankValue", "Title: cannot be blank");
        }
        if (type == null || !CUSTOM_TYPES.contains(type)) {
            throw ApiException.invalid("type", "InvalidValue", "Type: '" + type + "' is not one of "
                    + new java.util.TreeSet<>(CUSTOM_TYPES));
        }
        List<ZendeskTicketField.Option> choices = new ArrayList<>();
        if (WITH_OPTIONS.contains(type)) {
            if (options == null || options.isEmpty()) {
                throw ApiException.invalid("custom_field_options", "BlankValue",
                        "Custom field options: a " + type + " field needs at least one option");
            }
            Set<String> values = new HashSet<>();
            for (Map.Entry<String, String> o : options.entrySet()) {
                if (o.getKey() == null || o.getKey().isBlank() || o.getValue() == null || o.getValue().isBlank()) {
                    throw ApiException.invalid("custom_field_options", "BlankValue",
                            "Custom field options: every option needs a name and a value");
                }
                if (!values.add(o.getValue())) {
                    throw ApiException.invalid("custom_field_options", "DuplicateValue",
                            "Custom field options: the value '" + o.getValue() + "' is used twice");
                }
            }
            options.forEach((name, value) -> choices.add(new ZendeskTicketField.Option(nextOptionId++, name, value)));
        }
        Instant now = now();
        long id = nextFieldId++;
        ZendeskTicketField field = new ZendeskTicketField(id, type, title, description == null ? "" : description,
                fields.size() + 1, true, required, false, choices, now, now);
        fields.put(id, field);
        return field;
    }

    /** Reads {@code {"ticket_field": {"type", "title", "description"?, "required"?, "custom_field_options"?}}}. */
    ZendeskTicketField add(JsonNode f) {
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode list = f.get("custom_field_options");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.invalid("custom_field_options", "InvalidValue",
                        "Custom field options: must be a list of {name, value}");
            }
            for (JsonNode o : list) {
                String name = o.path("name").asText(null);
                String value = o.path("value").asText(null);
                if (name != null && options.containsKey(name)) {
                    throw ApiException.invalid("custom_field_options", "DuplicateValue",
                            "Custom field options: the name '" + name + "' is used twice");
                }
                options.put(name, value);
            }
        }
        JsonNode required = f.get("required");
        if (required != null && !required.isNull() && !required.isBoolean()) {
            throw ApiException.invalid("required", "InvalidValue", "Required: must be true or false");
        }
        return add(f.path("type").isTextual() ? f.get("type").asText() : null,
                f.path("title").isValueNode() && !f.path("title").isNull() ? f.get("title").asText() : null,
                f.path("description").isTextual() ? f.get("description").asText() : null,
                required != null && required.asBoolean(false), options);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
