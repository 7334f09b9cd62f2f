package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser of the JQL subset. Grammar (keywords case-insensitive):
 *
 * <pre>
 * query    := [or] [ORDER BY sort ("," sort)*] END
 * or       := and ((OR | "||" | "|") and)*
 * and      := not ((AND | "&amp;&amp;" | "&amp;") not)*
 * not      := (NOT | "!") not | "(" or ")" | terminal
 * terminal := field operator operand
 *           | field WAS [NOT] [IN] operand predicate*
 *           | field CHANGED predicate*
 * predicate := (AFTER | BEFORE | ON | BY | FROM | TO) operand | DURING "(" item "," item ")"
 * operator := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "~" | "!~" | IN | NOT IN | IS | IS NOT
 * operand  := EMPTY | NULL | value | function | "(" item ("," item)* ")"
 * item     := EMPTY | NULL | value | function
 * function := word "(" [value ("," value)*] ")"
 * sort     := field [ASC | DESC]
 * field    := word | string
 * value    := word | string
 * </pre>
 *
 * AND binds tighter than OR; NOT tighter than AND. Syntax errors are reported at the first offending token.
 */
final class JqlParser {

    /** Parentheses and NOTs deeper than this are refused (keeps the recursion far from the stack limit). */
    static final int MAX_DEPTH = 100;

    /** Unquoted words that cannot be a field name or a value. */
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "is", "order", "by", "empty", "null");

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private JqlParser(String source) {
        this.source = source;
        this.tokens = JqlLexer.tokenize(source);
    }

    static ParsedJql parse(String source) {
        return new JqlParser(source).query();
    }

    private ParsedJql query() {
        Optional<Clause> where = Optional.empty();
        if (!peek().is(Token.Kind.END) && !peek().isKeyword("order")) {
            where = Optional.of(or());
            if (!peek().is(Token.Kind.END) && !peek().isKeyword("order")) {
                throw unexpected("Expecting either 'OR' or 'AND'", peek());
            }
        }
        List<ParsedJql.SortSpec> orderBy = peek().isKeyword("order") ? orderBy() : List.of();
        return new ParsedJql(where, orderBy);
    }

    private Clause or() {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(and());
        while (peek().isKeyword("or") || peek().is(Token.Kind.OR_SYMBOL)) {
            index++;
            clauses.add(and());
        }
        return clauses.size() == 1 ? clauses.get(0) : new Clause.Or(clauses);
    }

    private Clause and() {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(not());
        while (peek().isKeyword("and") || peek().is(Token.Kind.AND_SYMBOL)) {
            index++;
            clauses.add(not());
        }
        return clauses.size() == 1 ? clauses.get(0) : new Clause.And(clauses);
    }

    private Clause not() {
        Token token = peek();
        if (token.isKeyword("not") || token.is(Token.Kind.NOT_SYMBOL)) {
            index++;
            enter(token);
            Clause negated = new Clause.Not(not());
            depth--;
            return negated;
        }
        if (token.is(Token.Kind.LEFT_PAREN)) {
            index++;
            enter(token);
            Clause inner = or();
            Token close = next();
            if (close.is(Token.Kind.END)) {
                throw JqlSyntax.atEnd("Expecting ')' before the end of the query.");
            }
            if (!close.is(Token.Kind.RIGHT_PAREN)) {
                throw unexpected("Expecting either 'OR' or 'AND'", close);
            }
            depth--;
            return inner;
        }
        return terminal();
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw JqlSyntax.error("The query nests parentheses or NOT more than " + MAX_DEPTH + " levels deep.",
                    source, token.offset());
        }
    }

    /** Keywords that start a predicate of a history clause. */
    private static final Set<String> PREDICATES = Set.of("after", "before", "on", "during", "by", "from", "to");

    private Clause terminal() {
        String field = fieldName();
        if (peek().isKeyword("changed")) {
            index++;
            return new Clause.History(field, HistoryOperator.CHANGED, null, predicates());
        }
        if (peek().isKeyword("was")) {
            index++;
            boolean not = false;
            if (peek().isKeyword("not")) {
                index++;
                not = true;
            }
            boolean in = false;
            if (peek().isKeyword("in")) {
                index++;
                in = true;
            }
            HistoryOperator operator = in ? (not ? HistoryOperator.WAS_NOT_IN : HistoryOperator.WAS_IN)
                    : (not ? HistoryOperator.WAS_NOT : HistoryOperator.WAS);
            Operand operand = operand(true);
            return new Clause.History(field, operator, operand, predicates());
        }
        Operator operator = operator();
        Operand operand = operand(true);
        return new Clause.Terminal(field, operator, operand);
    }

    private String fieldName() {
        Token token = next();
        if (token.is(Token.Kind.STRING)) {
            return token.text();
        }
        if (token.is(Token.Kind.WORD)) {
            rejectReserved(token);
            return token.text();
        }
        if (token.is(Token.Kind.END)) {
            throw JqlSyntax.atEnd("Expecting a field name before the end of the query.");
        }
        throw unexpected("Expecting a field name", token);
    }

    private Operator operator() {
        Token token = next();
        if (token.is(Token.Kind.OPERATOR)) {
            return Operator.ofSymbol(token.text()).orElseThrow();
        }
        if (token.isKeyword("in")) {
            return Operator.IN;
        }
        if (token.isKeyword("is")) {
            if (peek().isKeyword("not")) {
                index++;
                return Operator.IS_NOT;
            }
            return Operator.IS;
        }
        if (token.isKeyword("not")) {
            Token in = next();
            if (in.isKeyword("in")) {
                return Operator.NOT_IN;
            }
            if (in.is(Token.Kind.END)) {
                throw JqlSyntax.atEnd("Expecting 'IN' before the end of the query.");
            }
            throw unexpected("Expecting 'IN'", in);
        }
        if (token.is(Token.Kind.END)) {
            throw JqlSyntax.atEnd("Expecting operator before the end of the query. " + Operator.VALID_OPERATORS);
        }
        throw JqlSyntax.error("Expecting operator but got '" + token.text() + "'. " + Operator.VALID_OPERATORS,
                source, token.offset());
    }

    private Operand operand(boolean listAllowed) {
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return new Operand.Value(token.text(), true);
            case WORD:
                if (token.isKeyword("empty") || token.isKeyword("null")) {
                    return new Operand.Empty();
                }
                rejectReserved(token);
                if (peek().is(Token.Kind.LEFT_PAREN)) {
                    index++;
                    return new Operand.Function(token.text(), arguments());
                }
                return new Operand.Value(token.text(), false);
            case LEFT_PAREN:
                if (listAllowed) {
                    return list();
                }
                break;
            case END:
                throw JqlSyntax.atEnd("Expecting either a value, list or function before the end of the query.");
            default:
                break;
        }
        throw unexpected("Expecting either a value, list or function", token);
    }

    private List<Clause.Predicate> predicates() {
        List<Clause.Predicate> predicates = new ArrayList<>();
        while (peek().is(Token.Kind.WORD) && PREDICATES.contains(peek().lowerText())) {
            Token keyword = next();
            predicates.add(new Clause.Predicate(keyword.lowerText(), operand(true), keyword.offset()));
        }
        return predicates;
    }

    private Operand list() {
        List<Operand> items = new ArrayList<>();
        while (true) {
            items.add(operand(false));
            Token separator = next();
            if (separator.is(Token.Kind.RIGHT_PAREN)) {
                return new Operand.ValueList(items);
            }
            if (separator.is(Token.Kind.END)) {
                throw JqlSyntax.atEnd("Expecting ')' before the end of the query.");
            }
            if (!separator.is(Token.Kind.COMMA)) {
                throw unexpected("Expecting either ',' or ')'", separator);
            }
        }
    }

    private List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (peek().is(Token.Kind.RIGHT_PAREN)) {
            index++;
            return arguments;
        }
        while (true) {
            Token argument = next();
            if (argument.is(Token.Kind.END)) {
                throw JqlSyntax.atEnd("Expecting ')' before the end of the query.");
            }
            if (!argument.is(Token.Kind.WORD) && !argument.is(Token.Kind.STRING)) {
                throw unexpected("Expecting a function argument", argument);
            }
            arguments.add(argument.text());
            Token separator = next();
            if (separator.is(Token.Kind.RIGHT_PAREN)) {
                return arguments;
            }
            if (separator.is(Token.Kind.END)) {
                throw JqlSyntax.atEnd("Expecting ')' before the end of the query.");
            }
            if (!separator.is(Token.Kind.COMMA)) {
                throw unexpected("Expecting either ',' or ')'", separator);
            }
        }
    }

    private List<ParsedJql.SortSpec> orderBy() {
        index++; // ORDER
        Token by = next();
        if (by.is(Token.Kind.END)) {
            throw JqlSyntax.atEnd("Expecting 'BY' before the end of the query.");
        }
        if (!by.isKeyword("by")) {
            throw unexpected("Expecting 'BY'", by);
        }
        List<ParsedJql.SortSpec> specs = new ArrayList<>();
        while (true) {
            String field = fieldName();
            boolean descending = false;
            if (peek().isKeyword("asc") || peek().isKeyword("desc")) {
                descending = next().isKeyword("desc");
            }
            specs.add(new ParsedJql.SortSpec(field, descending));
            Token after = next();
            if (after.is(Token.Kind.END)) {
                return specs;
            }
            if (!after.is(Token.Kind.COMMA)) {
                throw unexpected("Expecting either 'ASC', 'DESC' or ','", after);
            }
        }
    }

    private void rejectReserved(Token word) {
        if (RESERVED.contains(word.lowerText())) {
            throw JqlSyntax.error("'" + word.text() + "' is a reserved JQL word. You must surround it in quotation"
                    + " marks to use it in a query.", source, word.offset());
        }
    }

    private JqlException unexpected(String expectation, Token token) {
        if (token.is(Token.Kind.END)) {
            return JqlSyntax.atEnd(expectation + " before the end of the query.");
        }
        return JqlSyntax.error(expectation + " but got '" + token.text() + "'.", source, token.offset());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (!token.is(Token.Kind.END)) {
            index++;
        }
        return token;
    }
}
