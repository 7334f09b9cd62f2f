package dev.cameljira.sandbox.jql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Ascending comparators of the sortable fields. Empty values sort after every value in ascending order (so first in
 * descending order), as in Jira.
 */
final class IssueOrder {

    /** Jira's default search order without ORDER BY: key (here: id) descending. */
    static final Comparator<JqlIssue> DEFAULT = Comparator.comparingLong(JqlIssue::id).reversed();

    /** Rank of Jira's stock priorities (Cloud and Server names), used when the values carry no numeric id. */
    private static final Map<String, Integer> STOCK_PRIORITIES = Map.of("highest", 1, "high", 2, "medium", 3,
            "low", 4, "lowest", 5, "blocker", 1, "critical", 2, "major", 3, "minor", 4, "trivial", 5);

    private IssueOrder() {
    }

    /** By the field's instant (full precision). */
    static Comparator<JqlIssue> byDate(String field) {
        return Comparator.comparing((JqlIssue issue) -> issue.date(field),
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
    }

    /** By id. */
    static Comparator<JqlIssue> byId() {
        return Comparator.comparingLong(JqlIssue::id);
    }

    /** By key: project key (case-insensitive), then number; issues without a key-shaped value last, by id. */
    static Comparator<JqlIssue> byKey(String field) {
        Function<JqlIssue, Optional<Matcher>> key = issue -> IssuePredicate.valuesOf(issue, field).stream()
                .map(KeyFieldType.KEY::matcher)
                .filter(Matcher::matches)
                .findFirst();
        return Comparator.comparing((JqlIssue issue) -> key.apply(issue).map(m -> m.group(1).toUpperCase(Locale.ROOT))
                        .orElse(null), Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(issue -> key.apply(issue).map(m -> Long.parseLong(m.group(2))).orElse(null),
                        Comparator.nullsLast(Comparator.<Long>naturalOrder()))
                .thenComparing(byId());
    }

    /**
     * By priority, ascending meaning least important first (so {@code ORDER BY priority DESC} lists Highest first,
     * as in Jira): importance is the numeric id among the values (lower id = more important, Jira's default
     * scheme), else the rank of a stock priority name; other priorities sort after those, by name.
     */
    static Comparator<JqlIssue> byPriority(String field) {
        Function<JqlIssue, Integer> importance = issue -> {
            List<String> values = IssuePredicate.valuesOf(issue, field);
            return values.stream().filter(v -> v.matches("\\d{1,9}")).map(Integer::valueOf).findFirst()
                    .or(() -> values.stream().map(v -> STOCK_PRIORITIES.get(v.toLowerCase(Locale.ROOT)))
                            .filter(Objects::nonNull).findFirst())
                    .orElse(null);
        };
        return Comparator.comparing(importance, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                .thenComparing(byName(field));
    }

    /** By the first value that is not all digits (a name rather than an id), case-insensitively. */
    static Comparator<JqlIssue> byName(String field) {
        Function<JqlIssue, String> name = issue -> IssuePredicate.valuesOf(issue, field).stream()
                .filter(v -> !v.isEmpty() && !v.chars().allMatch(Character::isDigit))
                .findFirst()
                .orElse(null);
        return Comparator.comparing(name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    }

    /** By the smallest numeric value. */
    static Comparator<JqlIssue> byNumber(String field) {
        Function<JqlIssue, BigDecimal> smallest = issue -> NumberFieldType.numbers(issue, field).stream()
                .min(Comparator.naturalOrder()).orElse(null);
        return Comparator.comparing(smallest, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()));
    }
}
