package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal {@link JqlIssue} for tests. It fails the test when the evaluator asks for a field name that is not one
 * of the documented canonical, lower-case names, which checks that aliases ({@code type}, {@code issuekey},
 * {@code "Story Points"}...) and case are resolved before the store is asked.
 */
record TestIssue(long id, Map<String, List<String>> values, Map<String, Instant> dates) implements JqlIssue {

    static final Set<String> VALUE_FIELDS = Set.of("project", "issuetype", "status", "statuscategory", "assignee",
            "reporter", "creator", "watcher", "labels", "component", "priority", "resolution", "parent", "key",
            "summary", "description", "text", "cf[10016]", "cf[10020]");
    static final Set<String> DATE_FIELDS = Set.of("created", "updated", "resolutiondate", "duedate",
            "statuscategorychangeddate");

    TestIssue {
        values = Map.copyOf(values);
        dates = Map.copyOf(dates);
    }

    @Override
    public List<String> values(String field) {
        if (!VALUE_FIELDS.contains(field)) {
            throw new AssertionError("the evaluator asked for values of non-canonical field '" + field + "'");
        }
        return values.getOrDefault(field, List.of());
    }

    @Override
    public Instant date(String field) {
        if (!DATE_FIELDS.contains(field)) {
            throw new AssertionError("the evaluator asked for the date of non-canonical field '" + field + "'");
        }
        return dates.get(field);
    }

    String key() {
        return values.get("key").get(0);
    }

    @Override
    public String toString() {
        return key();
    }

    static Builder issue(long id, String key) {
        return new Builder(id, key);
    }

    /** Fluent construction; the key and id are always set. */
    static final class Builder {
        private final long id;
        private final Map<String, List<String>> values = new HashMap<>();
        private final Map<String, Instant> dates = new HashMap<>();

        private Builder(long id, String key) {
            this.id = id;
            values.put("key", List.of(key, Long.toString(id)));
        }

        Builder with(String field, String... fieldValues) {
            values.put(field, List.of(fieldValues));
            return this;
        }

        Builder at(String field, Instant instant) {
            dates.put(field, instant);
            return this;
        }

        TestIssue build() {
            return new TestIssue(id, values, dates);
        }
    }
}
