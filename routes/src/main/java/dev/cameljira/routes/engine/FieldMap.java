package dev.cameljira.routes.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A two-way value map written as {@code jira:other} pairs, e.g. {@code Done:solved,In Progress:open,To Do:open}.
 *
 * <p>Jira to the other side uses the first pair whose Jira value matches (case-insensitive); the other side to Jira the
 * first pair whose other value matches. {@code *} is the default: {@code *:open} sends every unmapped Jira value as
 * {@code open}, {@code To Do:*} turns every unmapped value of the other side into {@code To Do}. A value without a pair
 * and without a default is unmapped: {@link #toOther} and {@link #toJira} answer empty.
 */
public final class FieldMap {

    /** One pair. */
    public record Pair(String jira, String other) {
    }

    private final String parameter;
    private final List<Pair> pairs;
    private final String jiraDefault;
    private final String otherDefault;

    private FieldMap(String parameter, List<Pair> pairs, String jiraDefault, String otherDefault) {
        this.parameter = parameter;
        this.pairs = List.copyOf(pairs);
        this.jiraDefault = jiraDefault;
        this.otherDefault = otherDefault;
    }

    /**
     * Parses {@code a:b,c:d}. Blank entries are skipped; an entry without a colon, with an empty side or {@code *:*}
     * fails naming the parameter.
     *
     * @param parameter      the template parameter (for messages)
     * @param text           the map
     * @param otherValues    the values the other side accepts (null: any); {@code normalizeOther} is applied first
     * @param normalizeOther turns a user's spelling into the other side's canonical value (e.g. "Resolved" -> "6")
     */
    public static FieldMap parse(String parameter, String text, Collection<String> otherValues,
                                 UnaryOperator<String> normalizeOther) {
        List<Pair> pairs = new ArrayList<>();
        String jiraDefault = null;
        String otherDefault = null;
        for (String raw : (text == null ? "" : text).split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("parameter '" + parameter + "': entry '" + entry
                        + "' is not 'jiraValue:otherValue' (pairs separated by commas, * for a default)");
            }
            String jira = entry.substring(0, colon).trim();
            String other = entry.substring(colon + 1).trim();
            if (jira.equals("*") && other.equals("*")) {
                throw new IllegalArgumentException("parameter '" + parameter + "': '*:*' maps nothing");
            }
            if (!other.equals("*")) {
                other = normalizeOther.apply(other);
                if (otherValues != null && !otherValues.contains(other)) {
                    throw new IllegalArgumentException("parameter '" + parameter + "': '" + entry.substring(colon + 1).trim()
                            + "' is not a valid value; allowed: " + String.join(", ", otherValues));
                }
            }
            if (jira.equals("*")) {
                if (otherDefault == null) {
                    otherDefault = other;
                }
            } else if (other.equals("*")) {
                if (jiraDefault == null) {
                    jiraDefault = jira;
                }
            } else {
                pairs.add(new Pair(jira, other));
            }
        }
        return new FieldMap(parameter, pairs, jiraDefault, otherDefault);
    }

    /** The template parameter this map came from. */
    public String parameter() {
        return parameter;
    }

    /** The other side's value for a Jira value: a pair, else the {@code *:x} default, else empty. */
    public Optional<String> toOther(String jiraValue) {
        if (jiraValue != null) {
            for (Pair p : pairs) {
                if (p.jira().equalsIgnoreCase(jiraValue)) {
                    return Optional.of(p.other());
                }
            }
        }
        return Optional.ofNullable(otherDefault);
    }

    /** The Jira value for a value of the other side: a pair, else the {@code x:*} default, else empty. */
    public Optional<String> toJira(String otherValue) {
        if (otherValue != null) {
            for (Pair p : pairs) {
                if (p.other().equalsIgnoreCase(otherValue)) {
                    return Optional.of(p.jira());
                }
            }
        }
        return Optional.ofNullable(jiraDefault);
    }

    /** Whether a Jira value has its own pair (not only the default). */
    public boolean mapsJira(String jiraValue) {
        return jiraValue != null && pairs.stream().anyMatch(p -> p.jira().equalsIgnoreCase(jiraValue));
    }

    /** Whether a value of the other side has its own pair (not only the default). */
    public boolean mapsOther(String otherValue) {
        return otherValue != null && pairs.stream().anyMatch(p -> p.other().equalsIgnoreCase(otherValue));
    }

    /** The pairs in order. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** {@code *:x}: the other value for unmapped Jira values, or null. */
    public String otherDefault() {
        return otherDefault;
    }

    /** {@code x:*}: the Jira value for unmapped values of the other side, or null. */
    public String jiraDefault() {
        return jiraDefault;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Pair p : pairs) {
            b.append(b.isEmpty() ? "" : ",").append(p.jira()).append(':').append(p.other());
        }
        if (otherDefault != null) {
            b.append(b.isEmpty() ? "" : ",").append("*:").append(otherDefault);
        }
        if (jiraDefault != null) {
            b.append(b.isEmpty() ? "" : ",").append(jiraDefault).append(":*");
        }
        return b.toString();
    }

    /** Lower-case trimmed, for case-insensitive value sets. */
    public static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
