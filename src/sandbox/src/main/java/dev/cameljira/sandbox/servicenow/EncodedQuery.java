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
 * LIKE, NOT LIKE, STARTSWITH, ENDSWITH, ISEMPTY, ISNOTEMPTY, EMPTYSTRING, ANYTHING, BETWEEN (a@b). Values may be
 * {@code javascript:gs.dateGenerate('2026-11-28','10:15:00')} (also 'start' / 'end'), gs.minutesAgo(n),
 * gs.hoursAgo(n), gs.daysAgo(n), gs.daysAgoStart(n), gs.beginningOfToday(), gs.endOfToday(), gs.nowDateTime(),
 * gs.getUserID(). Fields may dot-walk references ({@code caller_id.user_name=admin}).
 *
 * <p>Date-time fields compare as date-times ("yyyy-MM-dd" means midnight), numeric fields as numbers,
 * references by sys_id or display value; = is case-sensitive, LIKE / STARTSWITH / ENDSWITH are not. Where
 * ServiceNow silently ignores an invalid field (returning too many rows), the sandbox answers 400 naming it;
 * an unsupported operator or javascript function is a 400 as well.
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
        NOT_LIKE("NOT LIKE"), NOT_IN("NOT IN"), STARTS_WITH("STARTSWITH"), ENDS_WITH("ENDSWITH"),
        BETWEEN("BETWEEN"), LIKE("LIKE"), IN("IN"), NE("!="), GE(">="), LE("<="), EQ("="), GT(">"), LT("<");

        private final String token;

        Op(String token) {
            this.token = token;
        }
    }

    private record Condition(String field, List<Column> path, Op op, String value) {
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

    /** Adds a {@code field=value} filter (a name-value pair parameter; choice fields also take their label). */
    EncodedQuery and(TableSchema schema, String field, String value, Context ctx) {
        String stored = FieldResolver.columns(schema, field).map(path -> path.get(path.size() - 1))
                .filter(c -> c.type() == ColumnType.CHOICE && !c.choices().containsKey(value))
                .flatMap(c -> c.choiceValueOfLabel(value)).orElse(value);
        Predicate<Row> extra = parse(field + "=" + stored, schema, ctx).filter;
        return new EncodedQuery(filter.and(extra), order);
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
        for (String rawTerm : group.split("\\^")) {
            String term = rawTerm.replace('\u0000', '^');
            if (term.isEmpty() || term.equals("EQ")) {
                continue;
            }
            if (term.startsWith("ORDERBYDESC")) {
                orders.add(orderBy(term.substring("ORDERBYDESC".length()), schema, ctx).reversed());
            } else if (term.startsWith("ORDERBY")) {
                orders.add(orderBy(term.substring("ORDERBY".length()), schema, ctx));
            } else if (term.startsWith("OR")) {
                if (clauses.isEmpty()) {
                    throw invalid("'" + term + "' starts with OR but follows no condition");
                }
                clauses.get(clauses.size() - 1).add(condition(term.substring(2), schema, ctx));
            } else {
                clauses.add(new ArrayList<>(List.of(condition(term, schema, ctx))));
            }
        }
        List<Predicate<Row>> predicates = clauses.stream().map(clause -> clause.stream()
                .map(c -> (Predicate<Row>) row -> matches(c, row, ctx)).reduce(Predicate::or).orElse(r -> true))
                .toList();
        return row -> predicates.stream().allMatch(p -> p.test(row));
    }

    private static Condition condition(String term, TableSchema schema, Context ctx) {
        Matcher m = CONDITION.matcher(term);
        if (!m.matches()) {
            throw invalid("cannot read the condition '" + term + "' (expected <field><operator><value>)");
        }
        String field = m.group(1);
        String rest = m.group(2);
        List<Column> path = FieldResolver.columns(schema, field).orElseThrow(() -> invalid(
                "unknown field '" + field + "' on table " + schema.name() + " in '" + term
                        + "' (ServiceNow would silently ignore this condition)"));
        Op op = Arrays.stream(Op.values()).filter(o -> rest.startsWith(o.token)).findFirst()
                .orElseThrow(() -> invalid("unsupported operator in '" + term + "'; the sandbox supports "
                        + Arrays.stream(Op.values()).map(o -> o.token).toList()));
        String value = rest.substring(op.token.length());
        if (op == Op.BETWEEN) {
            String[] bounds = value.split("@", 2);
            if (bounds.length != 2) {
                throw invalid("BETWEEN needs 'low@high', got '" + value + "'");
            }
            return new Condition(field, path, op, evaluate(bounds[0], ctx) + "@" + evaluate(bounds[1], ctx));
        }
        return new Condition(field, path, op, evaluate(value, ctx));
    }

    private static Comparator<Row> orderBy(String field, TableSchema schema, Context ctx) {
        List<Column> path = FieldResolver.columns(schema, field).orElseThrow(() -> invalid(
                "unknown field '" + field + "' in ORDERBY on table " + schema.name()));
        Column column = path.get(path.size() - 1);
        return (a, b) -> compareValues(column, ctx.resolver().resolve(a, path).raw(),
                ctx.resolver().resolve(b, path).raw());
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
            case BETWEEN -> between(column, raw, v);
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
            case "beginningOfToday" -> GlideTime.FORMAT.format(today.atStartOfDay());
            case "endOfToday" -> GlideTime.FORMAT.format(today.atTime(23, 59, 59));
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
