package dev.cameljira.sandbox.jira.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.jira.model.ChangeItem;
import dev.cameljira.sandbox.jira.model.Component;
import dev.cameljira.sandbox.jira.model.CustomField;
import dev.cameljira.sandbox.jira.model.FieldKind;
import dev.cameljira.sandbox.jira.model.FieldOption;
import dev.cameljira.sandbox.jira.model.Issue;
import dev.cameljira.sandbox.jira.model.IssueType;
import dev.cameljira.sandbox.jira.model.Priority;
import dev.cameljira.sandbox.jira.model.RichText;
import dev.cameljira.sandbox.jira.model.User;
import dev.cameljira.sandbox.jira.model.Version;
import dev.cameljira.sandbox.jira.store.Catalog;
import dev.cameljira.sandbox.jira.text.Mentions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/** The registry of settable issue fields (system fields a create/edit screen has, plus custom fields). */
public final class FieldWriters {

    /** Message Jira gives for a v3 rich-text value that is not ADF. */
    public static final String NOT_ADF = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    @FunctionalInterface
    interface Setter<T> {
        void set(Issue issue, T value, WriteContext ctx);
    }

    @FunctionalInterface
    interface Changes<T> {
        List<ChangeItem> of(T before, T after, WriteContext ctx);
    }

    record Writer<T>(String id, BiFunction<JsonNode, WriteContext, T> parser, Function<Issue, T> getter, Setter<T> setter,
            Changes<T> changeFn, BinaryOperator<T> adder, BinaryOperator<T> remover) implements FieldWriter<T> {

        @Override
        public T parse(JsonNode value, WriteContext ctx) {
            return parser.apply(value, ctx);
        }

        @Override
        public T current(Issue issue) {
            return getter.apply(issue);
        }

        @Override
        public void store(Issue issue, T value, WriteContext ctx) {
            setter.set(issue, value, ctx);
        }

        @Override
        public List<ChangeItem> changes(T before, T after, WriteContext ctx) {
            return Objects.equals(before, after) ? List.of() : changeFn.of(before, after, ctx);
        }

        @Override
        public T add(T current, T value) {
            return adder == null ? FieldWriter.super.add(current, value) : adder.apply(current, value);
        }

        @Override
        public T remove(T current, T value) {
            return remover == null ? FieldWriter.super.remove(current, value) : remover.apply(current, value);
        }
    }

    private final Map<String, FieldWriter<?>> writers = new LinkedHashMap<>();

    public FieldWriters(Catalog catalog) {
        put(new Writer<String>("summary", FieldWriters::summary, Issue::summary, (i, v, c) -> i.summary(v),
                (b, a, c) -> List.of(ChangeItem.jira("summary", null, b, null, a)), null, null));
        put(new Writer<RichText>("description", (v, c) -> richText("description", v, c), Issue::description,
                (i, v, c) -> i.description(v),
                (b, a, c) -> List.of(ChangeItem.jira("description", null, text(b), null, text(a))), null, null));
        put(new Writer<IssueType>("issuetype", (v, c) -> issueType(v, c.store().catalog()), Issue::issueType,
                (i, v, c) -> i.issueType(v),
                (b, a, c) -> List.of(ChangeItem.jira("issuetype", b.id(), b.name(), a.id(), a.name())), null, null));
        put(new Writer<Priority>("priority", (v, c) -> priority(v, c.store().catalog()), Issue::priority,
                (i, v, c) -> i.priority(v), (b, a, c) -> List.of(ChangeItem.jira("priority",
                        b == null ? null : b.id(), b == null ? null : b.name(), a == null ? null : a.id(), a == null ? null : a.name())),
                null, null));
        put(userWriter("assignee", Issue::assignee, (i, v, c) -> i.assignee(v)));
        put(userWriter("reporter", Issue::reporter, (i, v, c) -> i.reporter(v)));
        put(new Writer<List<String>>("labels", FieldWriters::labels, Issue::labels, (i, v, c) -> i.labels(v),
                (b, a, c) -> List.of(ChangeItem.jira("labels", null, String.join(" ", b), null, String.join(" ", a))),
                FieldWriters::union, FieldWriters::minus));
        put(new Writer<List<Component>>("components", FieldWriters::components, Issue::components,
                (i, v, c) -> i.components(v), FieldWriters::componentChanges, FieldWriters::union, FieldWriters::minus));
        put(versionWriter("fixVersions", "Fix Version", Issue::fixVersions, (i, v, c) -> i.fixVersions(v)));
        put(versionWriter("versions", "Version", Issue::affectsVersions, (i, v, c) -> i.affectsVersions(v)));
        put(new Writer<LocalDate>("duedate", FieldWriters::dueDate, Issue::dueDate, (i, v, c) -> i.dueDate(v),
                (b, a, c) -> List.of(ChangeItem.jira("duedate", str(b), str(b), str(a), str(a))), null, null));
        for (CustomField cf : catalog.customFields()) {
            put(customWriter(cf));
        }
    }

    private void put(FieldWriter<?> writer) {
        writers.put(writer.id(), writer);
    }

    /** The writer of a field id, if the field can be set. */
    public Optional<FieldWriter<?>> writer(String fieldId) {
        return Optional.ofNullable(writers.get(fieldId));
    }

    /** Ids of every settable field. */
    public List<String> ids() {
        return List.copyOf(writers.keySet());
    }

    // ---- parsers ---------------------------------------------------------------------------------------------

    private static String summary(JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw new FieldError("summary", "You must specify a summary of the issue.");
        }
        if (!v.isTextual()) {
            throw new FieldError("summary", "Operation value must be a string");
        }
        String s = v.asText();
        if (s.length() > 255) {
            throw new FieldError("summary", "Summary must be less than 255 characters.");
        }
        if (s.contains("\n") || s.contains("\r")) {
            throw new FieldError("summary", "The summary is invalid because it contains newline characters.");
        }
        return s;
    }

    /** Parses a rich-text value: ADF in v3, a string in v2; null clears. */
    public static RichText richText(String field, JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (ctx.apiVersion() == 3) {
            if (!RichText.isAdf(v)) {
                throw new FieldError(field, NOT_ADF);
            }
            return RichText.ofAdf(v);
        }
        if (!v.isTextual()) {
            throw new FieldError(field, "Operation value must be a string");
        }
        return v.asText().isEmpty() ? null : RichText.ofText(v.asText(), mentions(ctx));
    }

    /** Wiki mentions resolved against the store's users: {@code [~accountid:...]} on Cloud, {@code [~name]} on Server. */
    private static Mentions mentions(WriteContext ctx) {
        return ref -> ctx.store().user(Mentions.bareId(ref))
                .map(u -> new Mentions.Mention(ctx.cloud() ? u.accountId() : u.name(), u.displayName())).orElse(null);
    }

    private static IssueType issueType(JsonNode v, Catalog catalog) {
        String ref = ref(v, "id", "name");
        if (ref == null) {
            throw new FieldError("issuetype", "Specify an issue type");
        }
        return catalog.issueType(ref).orElseThrow(() -> new FieldError("issuetype", "The issue type selected is invalid."));
    }

    private static Priority priority(JsonNode v, Catalog catalog) {
        if (v == null || v.isNull()) {
            return null;
        }
        String ref = ref(v, "id", "name");
        return catalog.priority(ref).orElseThrow(() -> new FieldError("priority",
                "Specify the Priority (id or name) in the correct format"));
    }

    private static Writer<User> userWriter(String field, Function<Issue, User> getter, Setter<User> setter) {
        return new Writer<>(field, (v, c) -> user(field, v, c), getter, setter,
                (b, a, c) -> List.of(ChangeItem.jira(field, c.userId(b), b == null ? null : b.displayName(),
                        c.userId(a), a == null ? null : a.displayName())), null, null);
    }

    /** Parses a user reference: {@code {"accountId"}} on Cloud, {@code {"name"}} or {@code {"key"}} on Server; null unassigns. */
    public static User user(String field, JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return null;
        }
        String invalid = ctx.cloud() ? "Specify a valid accountId for the " + field + "."
                : "Specify a valid user name (name) or key for the " + field + ".";
        String id;
        if (v.isTextual()) {
            id = v.asText();
        } else if (v.isObject()) {
            JsonNode idNode = ctx.cloud() ? firstPresent(v, "accountId", "id") : firstPresent(v, "name", "key");
            if (idNode == null) {
                throw new FieldError(field, invalid);
            }
            if (idNode.isNull()) {
                return null;
            }
            id = idNode.asText();
        } else {
            throw new FieldError(field, invalid);
        }
        if ("-1".equals(id)) {
            return null;
        }
        Optional<User> user = ctx.store().user(id);
        boolean matches = user.isPresent() && (ctx.cloud() ? id.equals(user.get().accountId())
                : id.equalsIgnoreCase(user.get().name()) || id.equals(user.get().key()));
        if (!matches) {
            throw new FieldError(field, ctx.cloud() ? "Specified user does not exist or you do not have required permissions"
                    : "User '" + id + "' does not exist.");
        }
        return user.get();
    }

    private static JsonNode firstPresent(JsonNode v, String first, String second) {
        if (v.has(first)) {
            return v.get(first);
        }
        return v.has(second) ? v.get(second) : null;
    }

    private static List<String> labels(JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (v.isTextual()) {
            result.add(label(v.asText()));
            return result;
        }
        if (!v.isArray()) {
            throw new FieldError("labels", "Operation value must be an array of strings");
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new FieldError("labels", "Operation value must be an array of strings");
            }
            result.add(label(item.asText()));
        }
        return new ArrayList<>(new LinkedHashSet<>(result));
    }

    private static String label(String s) {
        if (s.isBlank() || s.chars().anyMatch(Character::isWhitespace)) {
            throw new FieldError("labels", "The label '" + s + "' contains spaces which is invalid.");
        }
        if (s.length() > 255) {
            throw new FieldError("labels", "The label '" + s + "' exceeds the 255 character limit.");
        }
        return s;
    }

    private static List<Component> components(JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Component> result = new ArrayList<>();
        for (JsonNode item : v.isArray() ? v : Json.array().add(v)) {
            String id = item.path("id").asText(null);
            String name = item.path("name").asText(null);
            Optional<Component> c = ctx.project().components().stream()
                    .filter(comp -> comp.id().equals(id) || comp.name().equals(name)).findFirst();
            if (c.isEmpty()) {
                throw new FieldError("components", id != null ? "Component with id '" + id + "' does not exist."
                        : "Component name '" + name + "' is not valid");
            }
            if (!result.contains(c.get())) {
                result.add(c.get());
            }
        }
        return result;
    }

    private static List<ChangeItem> componentChanges(List<Component> before, List<Component> after, WriteContext ctx) {
        List<ChangeItem> items = new ArrayList<>();
        for (Component c : before) {
            if (!after.contains(c)) {
                items.add(new ChangeItem("Component", "jira", "components", c.id(), c.name(), null, null));
            }
        }
        for (Component c : after) {
            if (!before.contains(c)) {
                items.add(new ChangeItem("Component", "jira", "components", null, null, c.id(), c.name()));
            }
        }
        return items;
    }

    /** {@code fixVersions} / {@code versions}: arrays of {@code {"id"}} or {@code {"name"}} of the project's versions. */
    private static Writer<List<Version>> versionWriter(String field, String changeName, Function<Issue, List<Version>> getter,
            Setter<List<Version>> setter) {
        return new Writer<>(field, (v, c) -> versions(field, v, c), getter, setter, (b, a, c) -> {
            List<ChangeItem> items = new ArrayList<>();
            for (Version x : b) {
                if (!a.contains(x)) {
                    items.add(new ChangeItem(changeName, "jira", field, String.valueOf(x.id()), x.name(), null, null));
                }
            }
            for (Version x : a) {
                if (!b.contains(x)) {
                    items.add(new ChangeItem(changeName, "jira", field, null, null, String.valueOf(x.id()), x.name()));
                }
            }
            return items;
        }, FieldWriters::union, FieldWriters::minus);
    }

    private static List<Version> versions(String field, JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Version> result = new ArrayList<>();
        for (JsonNode item : v.isArray() ? v : Json.array().add(v)) {
            if (!item.isObject()) {
                throw new FieldError(field, "data was not an array");
            }
            JsonNode idNode = item.get("id");
            if (idNode != null && !idNode.isNull() && !idNode.isTextual()) {
                throw new FieldError(field, "expected 'id' property to be a string");
            }
            String id = idNode == null || idNode.isNull() ? null : idNode.asText();
            String name = item.path("name").asText(null);
            if (id == null && name == null) {
                throw new FieldError(field, "Version id or name must be specified");
            }
            Optional<Version> found = ctx.project().versions().stream()
                    .filter(x -> id != null ? String.valueOf(x.id()).equals(id) : x.name().equals(name)).findFirst();
            if (found.isEmpty()) {
                throw new FieldError(field, id != null ? "Version id '" + id + "' is not valid" : "Version name '" + name + "' is not valid");
            }
            if (!result.contains(found.get())) {
                result.add(found.get());
            }
        }
        return result;
    }

    private static LocalDate dueDate(JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new FieldError("duedate", "Error parsing date string: " + v.asText());
        }
    }

    private static Writer<JsonNode> customWriter(CustomField cf) {
        return new Writer<>(cf.id(), (v, c) -> custom(cf, v, c), i -> i.customFields().get(cf.id()),
                (i, v, c) -> {
                    if (v == null) {
                        i.customFields().remove(cf.id());
                    } else {
                        i.customFields().put(cf.id(), v);
                    }
                },
                (b, a, c) -> List.of(new ChangeItem(cf.name(), "custom", cf.id(), null, customText(b), null, customText(a))),
                cf.kind() == FieldKind.STRING_ARRAY ? FieldWriters::jsonUnion : null,
                cf.kind() == FieldKind.STRING_ARRAY ? FieldWriters::jsonMinus : null);
    }

    private static JsonNode custom(CustomField cf, JsonNode v, WriteContext ctx) {
        if (v == null || v.isNull()) {
            return null;
        }
        switch (cf.kind()) {
            case NUMBER -> {
                if (!v.isNumber()) {
                    throw new FieldError(cf.id(), "Operation value must be a number");
                }
                return v;
            }
            case STRING -> {
                if (!v.isTextual()) {
                    throw new FieldError(cf.id(), "Operation value must be a string");
                }
                return v;
            }
            case STRING_ARRAY -> {
                if (!v.isArray()) {
                    throw new FieldError(cf.id(), "Operation value must be an array of strings");
                }
                for (JsonNode item : v) {
                    if (!item.isTextual()) {
                        throw new FieldError(cf.id(), "Operation value must be an array of strings");
                    }
                }
                return v;
            }
            default -> {
                String id = v.path("id").asText(null);
                String value = v.isTextual() ? v.asText() : v.path("value").asText(null);
                for (FieldOption o : cf.options()) {
                    if (o.id().equals(id) || o.value().equals(value)) {
                        return Json.object().put("self", ctx.store().baseUrl() + "/rest/api/2/customFieldOption/" + o.id())
                                .put("value", o.value()).put("id", o.id());
                    }
                }
                throw new FieldError(cf.id(), "Option value '" + (value != null ? value : id) + "' is not valid");
            }
        }
    }

    private static String customText(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject() && v.has("value")) {
            return v.get("value").asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(" ", parts);
        }
        return v.asText();
    }

    private static JsonNode jsonUnion(JsonNode current, JsonNode add) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        if (current != null) {
            current.forEach(x -> set.add(x.asText()));
        }
        add.forEach(x -> set.add(x.asText()));
        var arr = Json.array();
        set.forEach(arr::add);
        return arr;
    }

    private static JsonNode jsonMinus(JsonNode current, JsonNode remove) {
        var arr = Json.array();
        if (current == null) {
            return NullNode.instance;
        }
        List<String> drop = new ArrayList<>();
        remove.forEach(x -> drop.add(x.asText()));
        current.forEach(x -> {
            if (!drop.contains(x.asText())) {
                arr.add(x.asText());
            }
        });
        return arr.isEmpty() ? null : arr;
    }

    private static <T> List<T> union(List<T> current, List<T> add) {
        LinkedHashSet<T> set = new LinkedHashSet<>(current);
        set.addAll(add);
        return new ArrayList<>(set);
    }

    private static <T> List<T> minus(List<T> current, List<T> remove) {
        List<T> result = new ArrayList<>(current);
        result.removeAll(remove);
        return result;
    }

    /** Reads {@code {"id": ...}} / {@code {"name": ...}} (or a bare string) as a reference. */
    static String ref(JsonNode v, String first, String second) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.hasNonNull(first)) {
            return v.get(first).asText();
        }
        if (v.hasNonNull(second)) {
            return v.get(second).asText();
        }
        return null;
    }

    private static String text(RichText t) {
        return t == null ? null : t.text();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
