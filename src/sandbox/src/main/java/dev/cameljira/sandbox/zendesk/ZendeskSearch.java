package dev.cameljira.sandbox.zendesk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of Zendesk's search language: {@code type:ticket|user}, {@code key:value}, {@code key>value},
 * {@code key<value} (also {@code >=} / {@code <=}), {@code -key:value} (negation), quoted phrases and bare words
 * (all must appear in the subject, description or comments; for users in the name or e-mail). Ticket keywords:
 * status, priority, ticket_type, external_id, tags (tag), subject, description, requester, assignee (none/me/id/
 * e-mail), group, created, updated. User keywords: email, name, role, external_id. An unsupported keyword is a
 * 400 naming it, rather than a silently wrong result.
 */
final class ZendeskSearch {
    private static final Pattern TOKEN = Pattern.compile(
            "(-?)([a-z_]+)(>=|<=|:|>|<)(\"[^\"]*\"|\\S+)|\"([^\"]*)\"|(\\S+)");

    /** What a search needs to know beyond the tickets themselves. */
    interface Context {
        Optional<ZendeskUser> userByIdOrEmail(String idOrEmail);

        ZendeskUser me();

        List<ZendeskComment> comments(long ticketId);
    }

    private record Term(boolean negated, String key, String op, String value) {
    }

    /** A parsed query: which result types it asks for and one predicate per type. */
    record Query(Optional<String> type, Predicate<ZendeskTicket> tickets, Predicate<ZendeskUser> users) {
    }

    @FunctionalInterface
    private interface TicketTerm {
        boolean test(ZendeskTicket t, Term term, Context ctx);
    }

    private static final Map<String, TicketTerm> TICKET_TERMS = Map.ofEntries(
            Map.entry("status", (t, term, ctx) -> compareOrdered(t.status().ordinal(), term,
                    s -> ZendeskStatus.fromWire(s).map(Enum::ordinal))),
            Map.entry("priority", (t, term, ctx) -> t.priority() != null && compareOrdered(t.priority().ordinal(),
                    term, s -> ZendeskPriority.fromWire(s).map(Enum::ordinal))),
            Map.entry("ticket_type", (t, term, ctx) -> t.type() != null
                    && t.type().wireName().equalsIgnoreCase(term.value())),
            Map.entry("external_id", (t, term, ctx) -> Objects.equals(t.externalId(), term.value())),
            Map.entry("tags", (t, term, ctx) -> t.tags().contains(term.value().toLowerCase(Locale.ROOT))),
            Map.entry("tag", (t, term, ctx) -> t.tags().contains(term.value().toLowerCase(Locale.ROOT))),
            Map.entry("subject", (t, term, ctx) -> contains(t.subject(), term.value())),
            Map.entry("description", (t, term, ctx) -> contains(t.description(), term.value())),
            Map.entry("requester", (t, term, ctx) -> user(term.value(), ctx)
                    .map(u -> u.id() == t.requesterId()).orElse(false)),
            Map.entry("assignee", (t, term, ctx) -> term.value().equalsIgnoreCase("none") ? t.assigneeId() == null
                    : user(term.value(), ctx).map(u -> Objects.equals(u.id(), t.assigneeId())).orElse(false)),
            Map.entry("group", (t, term, ctx) -> term.value().equalsIgnoreCase("none") ? t.groupId() == null
                    : String.valueOf(t.groupId()).equals(term.value())),
            Map.entry("created", (t, term, ctx) -> compareTime(t.createdAt(), term)),
            Map.entry("updated", (t, term, ctx) -> compareTime(t.updatedAt(), term)));

    private static final Map<String, java.util.function.BiPredicate<ZendeskUser, Term>> USER_TERMS = Map.of(
            "email", (u, term) -> u.email() != null && u.email().equalsIgnoreCase(term.value()),
            "name", (u, term) -> contains(u.name(), term.value()),
            "role", (u, term) -> u.role().wireName().equalsIgnoreCase(term.value()),
            "external_id", (u, term) -> Objects.equals(u.externalId(), term.value()));

    private ZendeskSearch() {
    }

    static Query parse(String query, Context ctx) {
        Optional<String> type = Optional.empty();
        List<Term> terms = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(query == null ? "" : query);
        while (m.find()) {
            if (m.group(2) != null) {
                String value = unquote(m.group(4));
                if (m.group(2).equals("type")) {
                    if (!value.equals("ticket") && !value.equals("user")) {
                        throw ApiException.badRequest("The sandbox search only knows type:ticket and type:user, got "
                                + "type:" + value);
                    }
                    type = Optional.of(value);
                } else {
                    terms.add(new Term(!m.group(1).isEmpty(), m.group(2), m.group(3), value));
                }
            } else {
                words.add((m.group(5) != null ? m.group(5) : m.group(6)).toLowerCase(Locale.ROOT));
            }
        }
        String wanted = type.orElse(null);
        for (Term term : terms) {
            boolean known = !"user".equals(wanted) && TICKET_TERMS.containsKey(term.key())
                    || !"ticket".equals(wanted) && USER_TERMS.containsKey(term.key());
            if (!known) {
                throw ApiException.badRequest("The sandbox search does not support the keyword '" + term.key()
                        + "'" + (wanted == null ? "" : " for type:" + wanted));
            }
        }
        Predicate<ZendeskTicket> tickets = t -> terms.stream().allMatch(term -> TICKET_TERMS.containsKey(term.key())
                && TICKET_TERMS.get(term.key()).test(t, term, ctx) != term.negated())
                && words.stream().allMatch(w -> ticketText(t, ctx).contains(w));
        Predicate<ZendeskUser> users = u -> terms.stream().allMatch(term -> USER_TERMS.containsKey(term.key())
                && USER_TERMS.get(term.key()).test(u, term) != term.negated())
                && words.stream().allMatch(w -> (u.name() + " " + u.email()).toLowerCase(Locale.ROOT).contains(w));
        return new Query(type, tickets, users);
    }

    private static String ticketText(ZendeskTicket t, Context ctx) {
        StringBuilder text = new StringBuilder().append(t.subject()).append(' ').append(t.description());
        ctx.comments(t.id()).forEach(c -> text.append(' ').append(c.body()));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static Optional<ZendeskUser> user(String value, Context ctx) {
        return value.equalsIgnoreCase("me") ? Optional.of(ctx.me()) : ctx.userByIdOrEmail(value);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static boolean compareOrdered(int actual, Term term, Function<String, Optional<Integer>> parse) {
        int wanted = parse.apply(term.value()).orElseThrow(() -> ApiException.badRequest(
                "'" + term.value() + "' is not a valid " + term.key()));
        return compare(Integer.compare(actual, wanted), term.op());
    }

    private static boolean compareTime(Instant actual, Term term) {
        String v = term.value();
        try {
            if (v.length() == 10) {
                LocalDate day = actual.atZone(ZoneOffset.UTC).toLocalDate();
                return compare(day.compareTo(LocalDate.parse(v)), term.op());
            }
            return compare(actual.compareTo(Instant.parse(v)), term.op());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + v + "' is not a date (yyyy-MM-dd) or an ISO-8601 time");
        }
    }

    private static boolean compare(int cmp, String op) {
        return switch (op) {
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            default -> cmp == 0;
        };
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
