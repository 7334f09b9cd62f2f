package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Jira's JQL reference endpoints tell about the sandbox's JQL: the searchable fields with their operators, the
 * functions, the reserved words ({@code jql/autocompletedata}), and the syntax tree of a query ({@code jql/parse}).
 */
public final class JqlReference {

    /** Jira's JQL reserved words (JqlStringSupportImpl.RESERVED_WORDS). */
    public static final List<String> RESERVED_WORDS = List.of("abort", "access", "add", "after", "alias", "all",
            "alter", "and", "any", "as", "asc", "audit", "avg", "before", "begin", "between", "boolean", "break", "by",
            "byte", "catch", "cf", "char", "character", "check", "checkpoint", "collate", "collation", "column",
            "commit", "connect", "continue", "count", "create", "current", "date", "decimal", "declare", "decrement",
            "default", "defaults", "define", "delete", "delimiter", "desc", "difference", "distinct", "divide", "do",
            "double", "drop", "else", "empty", "encoding", "end", "equals", "escape", "exclusive", "exec", "execute",
            "exists", "explain", "false", "fetch", "file", "field", "first", "float", "for", "from", "function", "go",
            "goto", "grant", "greater", "group", "having", "identified", "if", "immediate", "in", "increment",
            "index", "initial", "inner", "inout", "input", "insert", "int", "integer", "intersect", "intersection",
            "into", "is", "isempty", "isnull", "join", "last", "left", "less", "like", "limit", "lock", "long", "max",
            "min", "minus", "mode", "modify", "modulo", "more", "multiply", "next", "noaudit", "not", "notin",
            "nowait", "null", "number", "object", "of", "on", "option", "or", "order", "outer", "output", "power",
            "previous", "prior", "privileges", "public", "raise", "raw", "remainder", "rename", "resource", "return",
            "returns", "revoke", "right", "row", "rowid", "rownum", "rows", "select", "session", "set", "share",
            "size", "sqrt", "start", "strict", "string", "subtract", "sum", "synonym", "table", "then", "to", "trans",
            "transaction", "trigger", "true", "uid", "union", "unique", "update", "user", "validate", "values",
            "view", "when", "whenever", "where", "while", "with");

    /**
     * A searchable field as {@code jql/autocompletedata} lists it.
     *
     * @param value       the name a query uses: a system field's as Jira spells it ({@code fixVersion}), a custom
     *                    field's own name (quoted when a query must quote it)
     * @param displayName the same for a system field; {@code <name> - cf[<id>]} for a custom field
     * @param operators   its operators, with the history ones where WAS and CHANGED apply
     * @param orderable   whether ORDER BY takes it
     * @param cfid        {@code cf[<id>]} of a custom field, null for a system field
     */
    public record FieldInfo(String value, String displayName, List<String> operators, boolean orderable, String cfid) {
    }

    /** A JQL function: its name and whether it returns a list (for {@code in}). */
    public record FunctionInfo(String name, boolean list) {
    }

    private JqlReference() {
    }

    /**
     * The system fields by every name a query may use, then {@code customFields} (each once, by its name), sorted by
     * value ignoring case.
     */
    public static List<FieldInfo> fields(List<JqlCustomField> customFields) {
        Optional<List<JqlCustomField>> custom = Optional.of(customFields);
        List<FieldInfo> result = new ArrayList<>();
        for (String name : JqlFields.names()) {
            JqlFields.named(name, custom).ifPresent(f -> result.add(new FieldInfo(name, name, operators(f),
                    f.ascending().isPresent(), null)));
        }
        for (JqlCustomField cf : customFields) {
            JqlFields.named(cf.canonical(), custom).ifPresent(f -> result.add(new FieldInfo(encode(cf.name(), false),
                    cf.name() + " - " + cf.canonical(), operators(f), f.ascending().isPresent(), cf.canonical())));
        }
        result.sort(Comparator.comparing(FieldInfo::value, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(result);
    }

    private static List<String> operators(JqlField f) {
        List<String> ops = new ArrayList<>(f.type().operators().stream().sorted().map(Operator::symbol).toList());
        if (JqlFields.HISTORY_FIELDS.contains(f.canonical())) {
            ops.addAll(List.of("was", "was in", "was not in", "was not", "changed"));
        }
        return ops;
    }

    /** The functions the sandbox evaluates. */
    public static List<FunctionInfo> functions() {
        List<FunctionInfo> result = new ArrayList<>();
        result.add(new FunctionInfo("currentUser", false));
        for (DateFunction f : DateFunction.values()) {
            result.add(new FunctionInfo(f.jqlName(), false));
        }
        Stream.of("releasedVersions", "unreleasedVersions", "openSprints", "closedSprints", "futureSprints")
                .forEach(n -> result.add(new FunctionInfo(n, true)));
        Stream.of("latestReleasedVersion", "earliestUnreleasedVersion")
                .forEach(n -> result.add(new FunctionInfo(n, false)));
        return result;
    }

    /**
     * The syntax tree of a query as Jira's {@code jql/parse} shows it ({@code {where?, orderBy?}}: compound clauses
     * {@code {operator, clauses}}, field clauses {@code {field:{name}, operator, operand}}, history clauses with
     * {@code predicates}); a syntax error throws {@link JqlException}.
     */
    public static Map<String, Object> structure(String jql) {
        ParsedJql parsed = JqlParser.parse(jql == null ? "" : jql);
        Map<String, Object> result = new LinkedHashMap<>();
        parsed.where().ifPresent(w -> result.put("where", clause(w)));
        if (!parsed.orderBy().isEmpty()) {
            List<Object> fields = new ArrayList<>();
            for (ParsedJql.SortSpec s : parsed.orderBy()) {
                fields.add(Map.of("field", field(s.field()), "direction", s.descending() ? "desc" : "asc"));
            }
            result.put("orderBy", Map.of("fields", fields));
        }
        return result;
    }

    private static Map<String, Object> clause(Clause clause) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (clause instanceof Clause.And and) {
            compound(n, "and", and.clauses());
        } else if (clause instanceof Clause.Or or) {
            compound(n, "or", or.clauses());
        } else if (clause instanceof Clause.Not not) {
            compound(n, "not", List.of(not.clause()));
        } else if (clause instanceof Clause.Terminal t) {
            n.put("field", field(t.field()));
            n.put("operator", t.operator().symbol());
            n.put("operand", operand(t.operand()));
        } else if (clause instanceof Clause.History h) {
            n.put("field", field(h.field()));
            n.put("operator", h.operator().symbol());
            if (h.operand() != null) {
                n.put("operand", operand(h.operand()));
            }
            List<Object> predicates = new ArrayList<>();
            for (Clause.Predicate p : h.predicates()) {
                predicates.add(Map.of("operator", p.keyword().toLowerCase(Locale.ROOT), "operand",
                        operand(p.operand())));
            }
            n.put("predicates", predicates);
        }
        return n;
    }

    private static void compound(Map<String, Object> n, String operator, List<Clause> clauses) {
        n.put("clauses", clauses.stream().map(JqlReference::clause).toList());
        n.put("operator", operator);
    }

    private static Map<String, Object> field(String name) {
        return Map.of("name", name, "encodedName", encode(name, false));
    }

    private static Map<String, Object> operand(Operand operand) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (operand instanceof Operand.Value v) {
            n.put("value", v.text());
            n.put("encodedValue", encode(v.text(), v.quoted()));
        } else if (operand instanceof Operand.Function f) {
            n.put("function", f.name());
            n.put("arguments", f.arguments());
            n.put("encodedOperand", f.display());
        } else if (operand instanceof Operand.ValueList l) {
            n.put("values", l.items().stream().map(JqlReference::operand).toList());
            n.put("encodedOperand", l.display());
        } else {
            n.put("keyword", "empty");
        }
        return n;
    }

    /** A value as a query can spell it: quoted when it has blanks or reserved characters, or is a reserved word. */
    private static String encode(String text, boolean quoted) {
        boolean plain = !quoted && text.matches("[\\w.\\-\\[\\]]+")
                && !RESERVED_WORDS.contains(text.toLowerCase(Locale.ROOT));
        return plain ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
