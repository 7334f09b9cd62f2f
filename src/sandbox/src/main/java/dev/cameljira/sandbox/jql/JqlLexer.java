package dev.cameljira.sandbox.jql;

import java.util.ArrayList;
import java.util.List;

/** Splits a JQL query into {@link Token}s. Strings are single- or double-quoted, with backslash escapes. */
final class JqlLexer {

    /** Characters that end an unquoted word. */
    private static final String DELIMITERS = "()\"',=!<>~&|";

    private final String source;
    private int position;

    private JqlLexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code source}, always ending with one {@link Token.Kind#END} token. */
    static List<Token> tokenize(String source) {
        return new JqlLexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= source.length()) {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private Token next() {
        int start = position;
        char c = source.charAt(position);
        return switch (c) {
            case '(' -> symbol(Token.Kind.LEFT_PAREN, "(", start);
            case ')' -> symbol(Token.Kind.RIGHT_PAREN, ")", start);
            case ',' -> symbol(Token.Kind.COMMA, ",", start);
            case '=', '~' -> symbol(Token.Kind.OPERATOR, String.valueOf(c), start);
            case '<', '>' -> symbol(Token.Kind.OPERATOR, followedBy('=') ? c + "=" : String.valueOf(c), start);
            case '!' -> bang(start);
            case '&' -> symbol(Token.Kind.AND_SYMBOL, followedBy('&') ? "&&" : "&", start);
            case '|' -> symbol(Token.Kind.OR_SYMBOL, followedBy('|') ? "||" : "|", start);
            case '"', '\'' -> quoted(c, start);
            default -> word(start);
        };
    }

    private boolean followedBy(char expected) {
        return position + 1 < source.length() && source.charAt(position + 1) == expected;
    }

    private Token symbol(Token.Kind kind, String text, int start) {
        position += text.length();
        return new Token(kind, text, start);
    }

    private Token bang(int start) {
        if (followedBy('=')) {
            return symbol(Token.Kind.OPERATOR, "!=", start);
        }
        if (followedBy('~')) {
            return symbol(Token.Kind.OPERATOR, "!~", start);
        }
        return symbol(Token.Kind.NOT_SYMBOL, "!", start);
    }

    private Token word(int start) {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0) {
                break;
            }
            position++;
        }
        return new Token(Token.Kind.WORD, source.substring(start, position), start);
    }

    private Token quoted(char quote, int start) {
        StringBuilder text = new StringBuilder();
        position++;
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == quote) {
                position++;
                return new Token(Token.Kind.STRING, text.toString(), start);
            }
            if (c == '\\') {
                text.append(escape(start));
            } else {
                text.append(c);
                position++;
            }
        }
        throw JqlSyntax.error("The quoted string '" + text + "' has not been completed.", source, start);
    }

    /** Resolves the escape sequence at {@code position} (a backslash) and moves past it. */
    private char escape(int stringStart) {
        int at = position;
        if (at + 1 >= source.length()) {
            throw JqlSyntax.error("The quoted string '" + source.substring(stringStart + 1, at)
                    + "' has not been completed.", source, stringStart);
        }
        char code = source.charAt(at + 1);
        position = at + 2;
        return switch (code) {
            case '"', '\'', '\\', ' ' -> code;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode(at);
            default -> throw JqlSyntax.error("Illegal escape sequence '\\" + code
                    + "' in a quoted string; valid are \\\", \\', \\\\, \\n, \\r, \\t, \\space and \\uXXXX.",
                    source, at);
        };
    }

    private char unicode(int at) {
        int end = at + 6;
        String hex = end <= source.length() ? source.substring(at + 2, end) : "";
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw JqlSyntax.error("Illegal Unicode escape sequence '" + source.substring(at, Math.min(end,
                    source.length())) + "'; expected \\u followed by 4 hexadecimal digits.", source, at);
        }
        position = end;
        return (char) Integer.parseInt(hex, 16);
    }
}
