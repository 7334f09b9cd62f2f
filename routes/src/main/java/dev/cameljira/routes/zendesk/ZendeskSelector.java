package dev.cameljira.routes.zendesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Zendesk tickets qualify for a Jira issue, written like Zendesk's search: terms separated by spaces, all of
 * which must hold. A bare word is a tag ({@code jira} = {@code tags:jira}). Supported: {@code tags:x} (or
 * {@code tag:x}), {@code status:x}, {@code status<x}, {@code status>x} (Zendesk's order new, open, pending, hold,
 * solved, closed), {@code priority:x}, {@code priority<x}, {@code priority>x} (low, normal, high, urgent),
 * {@code type:x}, {@code brand:id}, {@code group:id}, {@code via:channel}; a leading {@code -} negates a term. It is
 * evaluated on the ticket itself (webhook events and polls alike), so it never depends on Zendesk's search index.
 */
public final class ZendeskSelector {

    /** The facts of a ticket a selector looks at. */
    public record Facts(Set<String> tags, String status, String priority, String type, Long brandId, Long groupId,
                        String via) {
    }

    private record Term(boolean negated, String field, char op, String value) {
    }

    private static final Pattern TERM = Pattern.compile("(-)?(?:([a-z_]+)([:<>]))?(.+)");
    private static final Set<String> FIELDS = Set.of("tags", "tag", "status", "priority", "type", "brand", "group", "via");

    private final String text;
    private final List<Term> terms;

    private ZendeskSelector(String text, List<Term> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /** Parses a selector; null or blank selects every ticket. */
    public static ZendeskSelector parse(String text) {
        List<Term> terms = new ArrayList<>();
        if (text != null) {
            for (String raw : text.trim().split("\\s+")) {
                if (raw.isEmpty()) {
                    continue;
                }
                Matcher m = TERM.matcher(raw.toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw new IllegalArgumentException("cannot read the term '" + raw + "'");
                }
                boolean negated = m.group(1) != null;
                String field = m.group(2) == null ? "tags" : m.group(2);
                char op = m.group(3) == null ? ':' : m.group(3).charAt(0);
                String value = m.group(4).replace("\"", "");
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException("unsupported field '" + field + "' in '" + raw + "'; supported: "
                            + "tags, status, priority, type, brand, group, via (a bare word is a tag)");
                }
                if (field.equals("tag")) {
                    field = "tags";
                }
                if (op != ':' && !field.equals("status") && !field.equals("priority")) {
                    throw new IllegalArgumentException("'" + raw + "': only status and priority can be compared with < or >");
                }
                if (field.equals("status") && !ZendeskValues.STATUSES.contains(value)) {
                    throw new IllegalArgumentException("'" + raw + "': status is one of " + ZendeskValues.STATUS_ORDER);
                }
                if (field.equals("priority") && !ZendeskValues.PRIORITIES.contains(value)) {
                    throw new IllegalArgumentException("'" + raw + "': priority is one of " + ZendeskValues.PRIORITY_ORDER);
                }
                if (field.equals("type") && !ZendeskValues.TYPES.contains(value)) {
                    throw new IllegalArgumentException("'" + raw + "': type is one of " + ZendeskValues.TYPES);
                }
                if ((field.equals("brand") || field.equals("group")) && !value.matches("\\d+")) {
                    throw new IllegalArgumentException("'" + raw + "': " + field + " takes a numeric id");
                }
                terms.add(new Term(negated, field, op, value));
            }
        }
        return new ZendeskSelector(text == null ? "" : text.trim(), terms);
    }

    /** True when the selector has no terms: every new ticket qualifies. */
    public boolean selectsEveryNewTicket() {
        return terms.isEmpty();
    }

    /** Whether the ticket qualifies. */
    public boolean matches(Facts t) {
        for (Term term : terms) {
            if (holds(term, t) == term.negated()) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Term term, Facts t) {
        return switch (term.field()) {
            case "tags" -> t.tags() != null && t.tags().stream().anyMatch(x -> x.equalsIgnoreCase(term.value()));
            case "status" -> compare(ZendeskValues.STATUS_ORDER, lower(t.status()), term);
            case "priority" -> compare(ZendeskValues.PRIORITY_ORDER, lower(t.priority()), term);
            case "type" -> term.value().equals(lower(t.type()));
            case "brand" -> t.brandId() != null && term.value().equals(String.valueOf(t.brandId()));
            case "group" -> t.groupId() != null && term.value().equals(String.valueOf(t.groupId()));
            case "via" -> term.value().equals(lower(t.via()));
            default -> false;
        };
    }

    private static boolean compare(List<String> order, String actual, Term term) {
        if (actual == null) {
            return false;
        }
        int a = order.indexOf(actual);
        int w = order.indexOf(term.value());
        return switch (term.op()) {
            case '<' -> a >= 0 && a < w;
            case '>' -> a > w;
            default -> a == w;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(every new ticket)" : text;
    }
}
