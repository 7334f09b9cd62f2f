package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compiles history clauses, evaluated over {@link JqlIssue#history(String)}:
 * <ul>
 *   <li>{@code f WAS v} holds when the field had the value {@code v} at some time (now included); {@code WAS IN}
 *       when it had one of the values; {@code WAS NOT} / {@code WAS NOT IN} are their negations. Their predicates
 *       narrow the periods considered: {@code AFTER d} (the value was held at some time after d), {@code BEFORE d}
 *       (before d), {@code ON d} (during that day), {@code DURING (d1, d2)} (at some time between them, both
 *       included), {@code BY u} (the value was set by u).</li>
 *   <li>{@code f CHANGED} holds when the field changed at least once (creation is not a change); predicates
 *       narrow the changes: {@code FROM v} (v was removed, or the field was EMPTY before with {@code FROM EMPTY}),
 *       {@code TO v} (v was set), {@code AFTER}, {@code BEFORE}, {@code ON}, {@code DURING} (when it was made) and
 *       {@code BY u} (who made it).</li>
 * </ul>
 * Dates have minute precision in the searching user's zone, like every JQL date. Fields: assignee, fixVersion,
 * priority, reporter, resolution, status (Jira's list for both WAS and CHANGED).
 */
final class HistoryClauses {

    private static final Set<String> WAS_PREDICATES = Set.of("after", "before", "on", "during", "by");

    private HistoryClauses() {
    }

    /** The test of one operand item against a set of values. */
    private interface ValueTest {
        boolean test(List<List<String>> values, JqlContext context);
    }

    /** A time predicate on a period [start, end) (end null: until now) or on a change (start = end = its instant). */
    private interface TimeTest {
        boolean test(Instant start, Instant end, JqlContext context);
    }

    /** Who set a value or made a change. */
    private interface AuthorTest {
        boolean test(List<String> author, JqlContext context);
    }

    /**
     * @param refs receives the values to check for existence (the WAS operand, FROM and TO)
     */
    static IssuePredicate compile(FieldRef field, HistoryOperator operator, Operand operand,
            List<Clause.Predicate> predicates, List<JqlValueRef> refs) {
        String name = field.canonical();
        if (!JqlFields.HISTORY_FIELDS.contains(name)) {
            throw new JqlException("History searches do not support the '" + field.written() + "' field.");
        }
        List<String> errors = new ArrayList<>();
        List<TimeTest> times = new ArrayList<>();
        List<AuthorTest> authors = new ArrayList<>();
        List<ValueTest> from = new ArrayList<>();
        List<ValueTest> to = new ArrayList<>();
        boolean changed = operator == HistoryOperator.CHANGED;
        for (Clause.Predicate predicate : predicates) {
            try {
                String keyword = predicate.keyword();
                if (!changed && !WAS_PREDICATES.contains(keyword)) {
                    throw new JqlException("The predicate '" + keyword.toUpperCase(Locale.ROOT)
                            + "' is not supported by the '" + operator.symbol().toUpperCase(Locale.ROOT)
                            + "' operator; use AFTER, BEFORE, ON, DURING or BY.");
                }
                switch (keyword) {
                    case "after", "before", "on" -> times.add(time(field, keyword, predicate.operand(), changed));
                    case "during" -> times.add(during(field, predicate.operand(), changed));
                    case "by" -> authors.add(author(field, predicate.operand()));
                    case "from" -> from.add(values(field, keyword, predicate.operand(), false, refs));
                    case "to" -> to.add(values(field, keyword, predicate.operand(), false, refs));
                    default -> throw new IllegalStateException("predicate " + keyword);
                }
            } catch (JqlException invalid) {
                errors.addAll(invalid.errorMessages());
            }
        }
        ValueTest was = null;
        if (!changed) {
            try {
                was = values(field, operator.symbol(), operand, operator.takesList(), refs);
            } catch (JqlException invalid) {
                errors.addAll(0, invalid.errorMessages());
            }
        }
        if (!errors.isEmpty()) {
            throw new JqlException(errors);
        }
        if (changed) {
            return (issue, context) -> anyChange(issue.history(name), times, authors, from, to, context);
        }
        ValueTest held = was;
        IssuePredicate positive = (issue, context) -> anyPeriod(issue.history(name), held, times, authors, context);
        return operator.negative() ? (issue, context) -> !positive.test(issue, context) : positive;
    }

    private static boolean anyPeriod(List<JqlValuePeriod> history, ValueTest held, List<TimeTest> times,
            List<AuthorTest> authors, JqlContext context) {
        for (int i = 0; i < history.size(); i++) {
            JqlValuePeriod period = history.get(i);
            Instant start = DateValue.toMinute(period.start(), context.zone());
            Instant end = i + 1 < history.size()
                    ? DateValue.toMinute(history.get(i + 1).start(), context.zone()) : null;
            if (held.test(period.values(), context)
                    && times.stream().allMatch(t -> t.test(start, end, context))
                    && authors.stream().allMatch(a -> a.test(period.changedBy(), context))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyChange(List<JqlValuePeriod> history, List<TimeTest> times, List<AuthorTest> authors,
            List<ValueTest> from, List<ValueTest> to, JqlContext context) {
        for (int i = 1; i < history.size(); i++) {
            JqlValuePeriod before = history.get(i - 1);
            JqlValuePeriod after = history.get(i);
            Instant at = DateValue.toMinute(after.start(), context.zone());
            List<List<String>> removed = minus(before.values(), after.values());
            List<List<String>> added = minus(after.values(), before.values());
            if (times.stream().allMatch(t -> t.test(at, at, context))
                    && authors.stream().allMatch(a -> a.test(after.changedBy(), context))
                    && from.stream().allMatch(f -> before.values().isEmpty() ? f.test(List.of(), context)
                            : !removed.isEmpty() && f.test(removed, context))
                    && to.stream().allMatch(t -> after.values().isEmpty() ? t.test(List.of(), context)
                            : !added.isEmpty() && t.test(added, context))) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> minus(List<List<String>> values, List<List<String>> other) {
        return values.stream().filter(v -> !other.contains(v)).toList();
    }

    /** The operand of WAS, FROM or TO: values, EMPTY, currentUser() for users, a list when allowed. */
    private static ValueTest values(FieldRef field, String operator, Operand operand, boolean list,
            List<JqlValueRef> refs) {
        List<Operand> items;
        if (operand instanceof Operand.ValueList values) {
            if (!list) {
                throw new JqlException("Operator '" + operator + "' does not support the list value '"
                        + operand.display() + "' for field '" + field.written() + "'.");
            }
            items = values.items();
        } else {
            if (list && !(operand instanceof Operand.Function)) {
                String shown = operand instanceof Operand.Value value ? "\"" + value.text() + "\"" : operand.display();
                throw new JqlException("Operator '" + operator + "' does not support the non-list value '" + shown
                        + "' for field '" + field.written() + "'.");
            }
            items = List.of(operand);
        }
        List<ValueTest> tests = new ArrayList<>();
        for (Operand item : items) {
            tests.add(item(field, item, refs));
        }
        return (values, context) -> tests.stream().anyMatch(t -> t.test(values, context));
    }

    private static ValueTest item(FieldRef field, Operand item, List<JqlValueRef> refs) {
        boolean resolution = field.canonical().equals("resolution");
        if (item instanceof Operand.Empty
                || resolution && item instanceof Operand.Value v && v.text().equalsIgnoreCase("Unresolved")) {
            return (values, context) -> values.isEmpty();
        }
        if (item instanceof Operand.Value value) {
            refs.add(new JqlValueRef(field.canonical(), field.written(), value.text(),
                    !value.quoted() && value.text().chars().allMatch(Character::isDigit)));
            String wanted = value.text();
            return (values, context) -> values.stream().anyMatch(ids -> ids.stream().anyMatch(wanted::equalsIgnoreCase));
        }
        Operand.Function function = (Operand.Function) item;
        String lower = function.name().toLowerCase(Locale.ROOT);
        boolean users = Set.of("assignee", "reporter").contains(field.canonical());
        if (users && lower.equals("currentuser")) {
            AbstractFieldType.requireArguments(function, 0, 0);
            return (values, context) -> values.stream().anyMatch(ids -> ids.stream()
                    .anyMatch(id -> context.currentUserIds().stream().anyMatch(id::equalsIgnoreCase)));
        }
        if (field.canonical().equals("fixversion") && JqlFields.VERSION_FUNCTIONS.contains(lower)) {
            TextFieldType.requireVersionArguments(function);
            List<String> arguments = function.arguments();
            return (values, context) -> {
                List<String> ids = context.versions().ids(lower, arguments);
                return values.stream().anyMatch(v -> v.stream().anyMatch(ids::contains));
            };
        }
        throw AbstractFieldType.unsupportedFunction(field, function);
    }

    private static AuthorTest author(FieldRef field, Operand operand) {
        List<Operand> items = operand instanceof Operand.ValueList list ? list.items() : List.of(operand);
        List<AuthorTest> tests = new ArrayList<>();
        for (Operand item : items) {
            if (item instanceof Operand.Value value) {
                String wanted = value.text();
                tests.add((author, context) -> author.stream().anyMatch(wanted::equalsIgnoreCase));
            } else if (item instanceof Operand.Function function && function.name().equalsIgnoreCase("currentUser")) {
                AbstractFieldType.requireArguments(function, 0, 0);
                tests.add((author, context) -> author.stream()
                        .anyMatch(id -> context.currentUserIds().stream().anyMatch(id::equalsIgnoreCase)));
            } else if (item instanceof Operand.Function function) {
                throw AbstractFieldType.unsupportedFunction(new FieldRef("by", "BY"), function);
            } else {
                throw new JqlException("The 'BY' predicate needs a user, not EMPTY.");
            }
        }
        return (author, context) -> tests.stream().anyMatch(t -> t.test(author, context));
    }

    private static TimeTest time(FieldRef field, String keyword, Operand operand, boolean change) {
        DateValue date = date(field, keyword, operand);
        return switch (keyword) {
            case "after" -> (start, end, context) -> {
                Instant d = date.resolve(context);
                return change ? start.isAfter(d) : end == null || end.isAfter(d);
            };
            case "before" -> (start, end, context) -> start.isBefore(date.resolve(context));
            default -> (start, end, context) -> {
                Instant dayStart = date.resolve(context).atZone(context.zone()).truncatedTo(ChronoUnit.DAYS)
                        .toInstant();
                Instant dayEnd = dayStart.atZone(context.zone()).plusDays(1).toInstant();
                return change ? !start.isBefore(dayStart) && start.isBefore(dayEnd)
                        : start.isBefore(dayEnd) && (end == null || end.isAfter(dayStart));
            };
        };
    }

    private static TimeTest during(FieldRef field, Operand operand, boolean change) {
        if (!(operand instanceof Operand.ValueList list) || list.items().size() != 2) {
            throw new JqlException("The 'DURING' predicate needs two dates, as in DURING (\"2026/01/01\","
                    + " \"2026/01/31\"), not '" + operand.display() + "'.");
        }
        DateValue first = date(field, "during", list.items().get(0));
        DateValue last = date(field, "during", list.items().get(1));
        return (start, end, context) -> {
            Instant from = first.resolve(context);
            Instant until = last.resolve(context);
            return change ? !start.isBefore(from) && !start.isAfter(until)
                    : !start.isAfter(until) && (end == null || end.isAfter(from));
        };
    }

    private static DateValue date(FieldRef field, String keyword, Operand operand) {
        if (operand instanceof Operand.Value || operand instanceof Operand.Function) {
            return DateFieldType.dateValue(new FieldRef(field.canonical(), keyword.toUpperCase(Locale.ROOT)), operand);
        }
        throw new JqlException("The '" + keyword.toUpperCase(Locale.ROOT) + "' predicate needs a date, not '"
                + operand.display() + "'.");
    }
}
