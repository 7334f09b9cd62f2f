package dev.cameljira.sandbox.jql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fields compared by name/id, case-insensitively: project, issue type, status, status category, priority,
 * resolution, labels, component, parent, custom fields other than story points, and the user fields assignee,
 * reporter, creator and watcher (which also take {@code currentUser()}).
 */
final class TextFieldType extends AbstractFieldType {

    private final boolean users;
    private final Optional<String> emptyName;
    private final Set<String> valueFunctions;

    /**
     * @param emptySearchable whether {@code is EMPTY} is allowed
     * @param users           whether the values are users, so that {@code currentUser()} applies
     * @param emptyName       a value that means EMPTY, case-insensitive ({@code resolution = Unresolved})
     */
    TextFieldType(boolean emptySearchable, boolean users, Optional<String> emptyName) {
        this(emptySearchable, users, emptyName, Set.of());
    }

    /**
     * @param valueFunctions functions of the field that list values, lower-case: the version functions list the
     *                       versions of {@link JqlContext#versions()}; others ({@code openSprints()}) list values the
     *                       sandbox never has, accepted, and they match nothing
     */
    TextFieldType(boolean emptySearchable, boolean users, Optional<String> emptyName, Set<String> valueFunctions) {
        this(equalityOperators(), emptySearchable, users, emptyName, valueFunctions);
    }

    private TextFieldType(Set<Operator> operators, boolean emptySearchable, boolean users, Optional<String> emptyName,
            Set<String> valueFunctions) {
        super(operators, emptySearchable);
        this.users = users;
        this.emptyName = emptyName;
        this.valueFunctions = Set.copyOf(valueFunctions);
    }

    /**
     * fixVersion / affectedVersion: names or ids of versions, the version functions, and {@code > >= < <=} by the
     * order of the versions' project ({@code fixVersion > "1.0"}: a version after 1.0 in 1.0's project).
     */
    static TextFieldType versions() {
        return new TextFieldType(orderedOperators(), true, false, Optional.empty(), JqlFields.VERSION_FUNCTIONS);
    }

    @Override
    protected IssuePredicate compare(FieldRef field, Operator operator, Operand item) {
        if (!valueFunctions.containsAll(JqlFields.VERSION_FUNCTIONS)) {
            throw unsupportedOperator(field, operator);
        }
        String name = field.canonical();
        String symbol = operator.symbol();
        java.util.function.Function<JqlContext, List<String>> anchors;
        if (item instanceof Operand.Value value) {
            String text = value.text();
            anchors = context -> context.versions().named(text);
        } else {
            Operand.Function function = (Operand.Function) item;
            String lower = function.name().toLowerCase(Locale.ROOT);
            if (!JqlFields.VERSION_FUNCTIONS.contains(lower)) {
                throw unsupportedFunction(field, function);
            }
            requireVersionArguments(function);
            List<String> arguments = function.arguments();
            anchors = context -> context.versions().ids(lower, arguments);
        }
        return (issue, context) -> {
            List<String> ids = context.versions().ordered(anchors.apply(context), symbol);
            return !ids.isEmpty() && IssuePredicate.valuesOf(issue, name).stream().anyMatch(ids::contains);
        };
    }

    /**
     * Checks the arguments of a version function: {@code releasedVersions} and {@code unreleasedVersions} take
     * projects or none (all projects); {@code latestReleasedVersion} and {@code earliestUnreleasedVersion} one.
     */
    static void requireVersionArguments(Operand.Function function) {
        String lower = function.name().toLowerCase(Locale.ROOT);
        if (lower.equals("releasedversions") || lower.equals("unreleasedversions")) {
            requireArguments(function, 0, Integer.MAX_VALUE);
        } else {
            requireArguments(function, 1, 1);
        }
    }

    /** Whether {@code function} is one of {@code valueFunctions} (sprint functions: they match nothing). */
    boolean listsNothing(Operand.Function function) {
        return valueFunctions.contains(function.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected Operand normalize(Operand item) {
        if (item instanceof Operand.Value value && emptyName.filter(value.text()::equalsIgnoreCase).isPresent()) {
            return new Operand.Empty();
        }
        return item;
    }

    @Override
    protected boolean isEmpty(JqlIssue issue, String field) {
        return IssuePredicate.valuesOf(issue, field).isEmpty();
    }

    @Override
    protected IssuePredicate equalTo(FieldRef field, Operand item) {
        String name = field.canonical();
        if (item instanceof Operand.Value value) {
            String wanted = value.text();
            return (issue, context) -> IssuePredicate.valuesOf(issue, name).stream()
                    .anyMatch(wanted::equalsIgnoreCase);
        }
        Operand.Function function = (Operand.Function) item;
        String lower = function.name().toLowerCase(Locale.ROOT);
        if (JqlFields.VERSION_FUNCTIONS.contains(lower) && valueFunctions.contains(lower)) {
            requireVersionArguments(function);
            List<String> arguments = function.arguments();
            return (issue, context) -> {
                List<String> ids = context.versions().ids(lower, arguments);
                return !ids.isEmpty() && IssuePredicate.valuesOf(issue, name).stream().anyMatch(ids::contains);
            };
        }
        if (listsNothing(function)) {
            requireArguments(function, 0, 1);
            return (issue, context) -> false;
        }
        if (!users || !"currentUser".equalsIgnoreCase(function.name())) {
            throw unsupportedFunction(field, function);
        }
        requireArguments(function, 0, 0);
        return (issue, context) -> {
            List<String> values = IssuePredicate.valuesOf(issue, name);
            return context.currentUserIds().stream().anyMatch(id -> values.stream().anyMatch(id::equalsIgnoreCase));
        };
    }
}
