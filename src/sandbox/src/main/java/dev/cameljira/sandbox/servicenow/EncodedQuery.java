package dev.cameljira.sandbox.servicenow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of ServiceNow's encoded query language ({@code sysparm_query}): conditions joined by {@code ^} (AND),
 * {@code ^OR} (OR with the previous condition) and {@code ^NQ} (OR between whole queries); {@code ORDERBYfield}
 * and {@code ORDERBYDESCfield}; a trailing {@code ^EQ} is ignored. Operators: = != &gt; &gt;= &lt; &lt;= IN, NOT IN,
 * LIKE, NOT LIKE, STARTSWITH, ENDSWITH, ISEMPTY, ISNOTEMPTY, EMPTYSTRING, ANYTHING, BETWEEN (a@b), SAMEAS and
 * NSAMEAS (another field), ON and NOTON ({@code label@start@end}, as the list filter writes them, or a plain date),
 * RELATIVEGT, RELATIVEGE, RELATIVELT, RELATIVELE ({@code @hour@ago@3}; units minute, hour, day, week, month,
 * quarter, year; ago or ahead). Values may be {@code javascript:gs.dateGenerate('2026-11-28','10:15:00')} (also
 * 'start' / 'end'), gs.minutesAgo(n), gs.hoursAgo(n), gs.daysAgo(n), gs.daysAgoStart(n), gs.daysAgoEnd(n),
 * gs.beginningOfToday(), gs.endOfToday(), gs.beginningOfYesterday(), gs.endOfYesterday(), gs.nowDateTime(),
 * gs.getUserID(). Fields may dot-walk references ({@code caller_id.user_name=admin}).
 *
 * <p>Date-time fields compare as date-times ("yyyy-MM-dd" means midnight), numeric fields as numbers,
 * references by sys_id or display value; = is case-sensitive, LIKE / STARTSWITH / ENDSWITH are not. As on an
 * instance (glide.invalid_query.returns_no_rows false, the default), a condition or ORDERBY on a field the table
 * does not have is ignored and the rest of the query applies. An operator or javascript function the sandbox does
 * not know, or a value it cannot read, is a 400 naming it.
 */
final class EncodedQuery {
    private static final Pattern CONDITION = Pattern.compile("([a-z0-9_]+(?:\\.[a-z0-9_]+)*)(.*)", Pattern.DOTALL);
    private static final Pattern JS_CALL = Pattern.compile(
            "javascript:\\s*gs\\.(\\w+)\\(\\s*(.*?)\\s*\\)\\s*;?\\s*", Pattern.DOTALL);

    /** What a query needs besides the rows: the clock and the current user. */
    record Context(Instant now, String userSysId, FieldResolver resolver) {
    }

    private enum Op {
        IS_NOT_EMPTY("ISNOTEMPTY"), IS_EMPTY("ISEMPTY"), EMPTY_STRING("EMPTYSTRING"), ANYTHING("ANYTHING"),
        NOT_LIKE("NOT LIKE"), NOT_IN("NOT IN"), NOT_ON("NOTON"), STARTS_WITH("STARTSWITH"), ENDS_WITH("ENDSWITH"),
        BETWEEN("BETWEEN"), NOT_SAME_AS("NSAMEAS"), SAME_AS("SAMEAS"), RELATIVE_GE("RELATIVEGE"),
        RELATIVE_GT("RELATIVEGT"), RELATIVE_LE("RELATIVELE"), RELATIVE_LT("RELATIVELT"), ON("ON"), LIKE("LIKE"),
        IN("IN"), NE("!="), GE(">="), LE("<="), EQ("="), GT(">"), LT("<");

        private final String token;

        Op(String token) {
            this.token = token;
        }
    }

    /**
     * One condition.
     *
     * @param other the other field's path for SAMEAS / NSAMEAS, else null
     */
    private record Condition(String field, List<Column> path, Op op, String value, List<Column> other) {
    }

    private final Predicate<Row> filter;
    private final Comparator<Row> order;

    private EncodedQuery(Predicate<Row> filter, Comparator<Row> order) {
        this.filter = filter;
        this.order = order;
    }

    /** A query matching every row in insertion order. */
    static EncodedQuery all() {
        return new EncodedQuery(r -> true, null);
    }

    Predicate<Row> filter() {
        return filter;
    }

    /** The ORDERBY comparator, or null to keep insertion order. */
    Comparator<Row> order() {
        return order;
    }

    /**
     * Adds a {@code field=value} filter (a name-value pair parameter; choice fields also take their label). A name
     * that is not a field of the table is ignored, as ServiceNow ignores invalid query parts.
     */
    EncodedQuery and(TableSchema schema, String field, String value, Context ctx) {
        Optional<List<Column>> path = FieldResolver.columns(schema, field);
        if (path.isEmpty()) {
            return this;
        }
        Column column = path.get().get(path.get().size() - 1);
        String stored = column.type() == ColumnType.CHOICE && !column.choices().containsKey(value)
                ? column.choiceValueOfLabel(value).orElse(value) : value;
        Condition condition = new Condition(field, path.get(), Op.EQ, evaluate(stored, ctx), null);
        return new EncodedQuery(filter.and(row -> matches(condition, row, ctx)), order);
    }

    static EncodedQuery parse(String query, TableSchema schema, Context ctx) {
        if (query == null || query.isBlank()) {
            return all();
        }
        String escaped = query.replace("^^", "\u0000");
        List<Predicate<Row>> alternatives = new ArrayList<>();
        List<Comparator<Row>> orders = new ArrayList<>();
        for (String group : escaped.split("\\^NQ")) {
            alternatives.add(parseGroup(group, schema, ctx, orders));
        }
        Predicate<Row> filter = alternatives.stream().reduce(Predicate::or).orElse(r -> true);
        Comparator<Row> order = orders.stream().reduce(Comparator::thenComparing).orElse(null);
        return new EncodedQuery(filter, order);
    }

    private static Predicate<Row> parseGroup(String group, TableSchema schema, Context ctx,
                                             List<Comparator<Row>> orders) {
        List<List<Condition>> clauses = new ArrayList<>();
        // an ignored condition takes the ^OR conditions after it along: they start a clause of their own
        boolean lastIgnored = false;
        for (String rawTerm : group.split("\\^")) {
            String term = rawTerm.replace('\u0000', '^');
            if (term.isEmpty() || term.equals("EQ")) {
                continue;
            }
            if (term.startsWith("ORDERBYDESC")) {
                orderBy(term.substring("ORDERBYDESC".length()), schema, ctx).map(Comparator::reversed)
                        .ifPresent(orders::add);
            } else if (term.startsWith("ORDERBY")) {
                orderBy(term.substring("ORDERBY".length()), schema, ctx).ifPresent(orders::add);
            } else if (term.startsWith("OR")) {
                Optional<Condition> c = condition(term.substring(2), schema, ctx);
                if (c.isPresent() && (clauses.isEmpty() || lastIgnored)) {
                    clauses.add(new ArrayList<>(List.of(c.get())));
                    lastIgnored = false;
                } else if (c.isPresent()) {
                    clauses.get(clauses.size() - 1).add(c.get());
                }
            } else {
                Optional<Condition> c = condition(term, schema, ctx);
                c.ifPresent(condition -> clauses.add(new ArrayList<>(List.of(condition))));
                lastIgnored = c.isEmpty();
            }
        }
        List<Predicate<Row>> predicates = clauses.stream().map(clause -> clause.stream()
                .map(c -> (Predicate<Row>) row -> matches(c, row, ctx)).reduce(Predicate::or).orElse(r -> true))
                .toList();
        return row -> predicates.stream().allMatch(p -> p.test(row));
    }

    /** The condition, or empty when its field is not a field of the table (ServiceNow ignores such a part). */
    private static Optional<Condition> condition(String term, TableSchema schema, Context ctx) {
        Matcher m = CONDITION.matcher(term);
        if (!m.matches()) {
            throw invalid("cannot read the condition '" + term + "' (expected <field><operator><value>)");
        }
        String field = m.group(1);
        String rest = m.group(2);
        Optional<List<Column>> path = FieldResolver.columns(schema, field);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Op op = Arrays.stream(Op.values()).filter(o -> rest.startsWith(o.token)).findFirst()
                .orElseThrow(() -> invalid("unsupported operator in '" + term + "'; the sandbox supports "
                        + Arrays.stream(Op.values()).map(o -> o.token).toList()));
        String value = rest.substring(op.token.length());
        return Optional.ofNullable(switch (op) {
            case BETWEEN -> {
                String[] bounds = value.split("@", 2);
                if (bounds.length != 2) {
                    throw invalid("BETWEEN needs 'low@high', got '" + value + "'");
                }
                yield new Condition(field, path.get(), op, evaluate(bounds[0], ctx) + "@" + evaluate(bounds[1], ctx),
                        null);
            }
            case SAME_AS, NOT_SAME_AS -> FieldResolver.columns(schema, value)
                    .map(other -> new Condition(field, path.get(), op, value, other)).orElse(null);
            case ON, NOT_ON -> new Condition(field, path.get(), op, onRange(value, ctx), null);
            case RELATIVE_GE, RELATIVE_GT, RELATIVE_LE, RELATIVE_LT ->
                    new Condition(field, path.get(), op, relative(value, ctx), null);
            default -> new Condition(field, path.get(), op, evaluate(value, ctx), null);
        });
    }

    /** ON's {@code label@start@end} (the label is for people) or a plain date, as "start@end". */
    private static String onRange(String value, Context ctx) {
        String[] parts = value.split("@", -1);
        if (parts.length == 3) {
            return evaluate(parts[1], ctx) + "@" + evaluate(parts[2], ctx);
        }
        String day = evaluate(value, ctx);
        if (day.length() < 10 || GlideTime.lenient(day.substring(0, 10)).isEmpty()) {
            throw invalid("ON needs 'label@start@end' or a date, got '" + value + "'");
        }
        return day.substring(0, 10) + " 00:00:00@" + day.substring(0, 10) + " 23:59:59";
    }

    /** The instant of RELATIVExx's {@code @unit@ago|ahead@count}. */
    private static String relative(String value, Context ctx) {
        String[] parts = value.split("@", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[2].equals("ago") && !parts[2].equals("ahead")) {
            throw invalid("a RELATIVE operator needs '@unit@ago|ahead@count', got '" + value + "'");
        }
        long count = number(List.of(parts[3]));
        if (parts[2].equals("ago")) {
            count = -count;
        }
        LocalDateTime now = LocalDateTime.ofInstant(ctx.now(), ZoneOffset.UTC);
        LocalDateTime at = switch (parts[1]) {
            case "minute" -> now.plusMinutes(count);
            case "hour" -> now.plusHours(count);
            case "day" -> now.plusDays(count);
            case "week" -> now.plusWeeks(count);
            case "month" -> now.plusMonths(count);
            case "quarter" -> now.plusMonths(3 * count);
            case "year" -> now.plusYears(count);
            default -> throw invalid("unsupported unit '" + parts[1] + "' in '" + value
                    + "'; the sandbox supports minute, hour, day, week, month, quarter, year");
        };
        return GlideTime.FORMAT.format(at);
    }

    /** The order of an ORDERBY field, or empty for a field the table does not have (ignored, as on an instance). */
    private static Optional<Comparator<Row>> orderBy(String field, TableSchema schema, Context ctx) {
        return FieldResolver.columns(schema, field).map(path -> {
            Column column = path.get(path.size() - 1);
            return (a, b) -> compareValues(column, ctx.resolver().resolve(a, path).raw(),
                    ctx.resolver().resolve(b, path).raw());
        });
    }

    private static boolean matches(Condition c, Row row, Context ctx) {
        FieldResolver.Resolved r = ctx.resolver().resolve(row, c.path());
        Column column = r.column();
        String raw = FieldResolver.isJournal(column) ? ctx.resolver().display(r) : r.raw();
        String v = c.value();
        return switch (c.op()) {
            case IS_EMPTY, EMPTY_STRING -> raw.isEmpty();
            case IS_NOT_EMPTY -> !raw.isEmpty();
            case ANYTHING -> true;
            case EQ -> equalsValue(column, raw, v, ctx, r);
            case NE -> !equalsValue(column, raw, v, ctx, r);
            case IN -> Arrays.stream(v.split(",")).anyMatch(x -> equalsValue(column, raw, x.trim(), ctx, r));
            case NOT_IN -> Arrays.stream(v.split(",")).noneMatch(x -> equalsValue(column, raw, x.trim(), ctx, r));
            case LIKE -> lower(text(column, raw, ctx, r)).contains(lower(v));
            case NOT_LIKE -> !lower(text(column, raw, ctx, r)).contains(lower(v));
            case STARTS_WITH -> lower(text(column, raw, ctx, r)).startsWith(lower(v));
            case ENDS_WITH -> lower(text(column, raw, ctx, r)).endsWith(lower(v));
            case GT -> !raw.isEmpty() && compareValues(column, raw, v) > 0;
            case GE -> !raw.isEmpty() && compareValues(column, raw, v) >= 0;
            case LT -> !raw.isEmpty() && compareValues(column, raw, v) < 0;
            case LE -> !raw.isEmpty() && compareValues(column, raw, v) <= 0;
            case BETWEEN, ON -> between(column, raw, v);
            case NOT_ON -> !raw.isEmpty() && !between(column, raw, v);
            case SAME_AS -> raw.equals(ctx.resolver().resolve(row, c.other()).raw());
            case NOT_SAME_AS -> !raw.equals(ctx.resolver().resolve(row, c.other()).raw());
            case RELATIVE_GT -> !raw.isEmpty() && compareValues(column, raw, v) > 0;
            case RELATIVE_GE -> !raw.isEmpty() && compareValues(column, raw, v) >= 0;
            case RELATIVE_LT -> !raw.isEmpty() && compareValues(column, raw, v) < 0;
            case RELATIVE_LE -> !raw.isEmpty() && compareValues(column, raw, v) <= 0;
        };
    }

    private static boolean between(Column column, String raw, String value) {
        String[] bounds = value.split("@", 2);
        return !raw.isEmpty() && compareValues(column, raw, bounds[0]) >= 0
                && compareValues(column, raw, bounds[1]) <= 0;
    }

    private static boolean equalsValue(Column column, String raw, String value, Context ctx,
                                       FieldResolver.Resolved r) {
        return switch (column.type()) {
            case REFERENCE -> raw.equals(value) || !raw.isEmpty() && ctx.resolver().display(r).equals(value);
            case BOOLEAN -> raw.equals(value.equals("1") ? "true" : value.equals("0") ? "false" : value);
            case DATETIME -> !raw.isEmpty() && compareValues(column, raw, value) == 0;
            default -> raw.equals(value);
        };
    }

    private static String text(Column column, String raw, Context ctx, FieldResolver.Resolved r) {
        return column.type() == ColumnType.REFERENCE ? ctx.resolver().display(r) : raw;
    }

    private static int compareValues(Column column, String a, String b) {
        if (column.type() == ColumnType.DATETIME) {
            Optional<LocalDateTime> left = GlideTime.lenient(a);
            Optional<LocalDateTime> right = GlideTime.lenient(b);
            if (right.isEmpty() && !b.isEmpty()) {
                throw invalid("'" + b + "' is not a date-time (yyyy-MM-dd HH:mm:ss) for " + column.name());
            }
            return Comparator.<Optional<LocalDateTime>, Boolean>comparing(Optional::isPresent)
                    .thenComparing(o -> o.orElse(LocalDateTime.MIN)).compare(left, right);
        }
        if (column.isNumeric() && a.matches("-?\\d+") && b.matches("-?\\d+")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    /** Replaces a {@code javascript:gs.xxx(...)} value by what it evaluates to. */
    private static String evaluate(String value, Context ctx) {
        if (!value.startsWith("javascript:")) {
            return value;
        }
        Matcher m = JS_CALL.matcher(value);
        if (!m.matches()) {
            throw invalid("unsupported javascript value '" + value + "'");
        }
        List<String> args = m.group(2).isEmpty() ? List.of() : Arrays.stream(m.group(2).split(","))
                .map(a -> a.trim().replaceAll("^['\"]|['\"]$", "")).toList();
        Instant now = ctx.now();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (m.group(1)) {
            case "dateGenerate" -> dateGenerate(args);
            case "minutesAgo" -> GlideTime.format(now.minus(number(args), ChronoUnit.MINUTES));
            case "hoursAgo" -> GlideTime.format(now.minus(number(args), ChronoUnit.HOURS));
            case "daysAgo" -> GlideTime.format(now.minus(number(args), ChronoUnit.DAYS));
            case "daysAgoStart" -> GlideTime.FORMAT.format(today.minusDays(number(args)).atStartOfDay());
            case "daysAgoEnd" -> GlideTime.FORMAT.format(today.minusDays(number(args)).atTime(23, 59, 59));
            case "beginningOfToday" -> GlideTime.FORMAT.format(today.atStartOfDay());
            case "endOfToday" -> GlideTime.FORMAT.format(today.atTime(23, 59, 59));
            case "beginningOfYesterday" -> GlideTime.FORMAT.format(today.minusDays(1).atStartOfDay());
            case "endOfYesterday" -> GlideTime.FORMAT.format(today.minusDays(1).atTime(23, 59, 59));
            case "nowDateTime" -> GlideTime.format(now);
            case "getUserID" -> ctx.userSysId();
            default -> throw invalid("unsupported javascript function gs." + m.group(1) + "()");
        };
    }

    private static String dateGenerate(List<String> args) {
        if (args.size() != 2 || GlideTime.lenient(args.get(0)).isEmpty()) {
            throw invalid("gs.dateGenerate needs ('yyyy-MM-dd', 'HH:mm:ss' | 'start' | 'end'), got " + args);
        }
        String time = switch (args.get(1)) {
            case "start" -> "00:00:00";
            case "end" -> "23:59:59";
            default -> args.get(1);
        };
        String value = args.get(0) + " " + time;
        if (GlideTime.lenient(value).isEmpty()) {
            throw invalid("gs.dateGenerate got an invalid time '" + args.get(1) + "'");
        }
        return value;
    }

    private static long number(List<String> args) {
        try {
            return args.isEmpty() ? 0 : Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            throw invalid("expected a number, got " + args);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest("Invalid query", detail);
    }
}
