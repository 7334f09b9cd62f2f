package dev.cameljira.sandbox.jql;

import java.util.Locale;

/**
 * One lexical token of a JQL query.
 *
 * @param kind   what it is
 * @param text   the word, the unescaped string content, or the symbol
 * @param offset index of its first character in the query (for error positions)
 */
record Token(Kind kind, String text, int offset) {

    /** Token kinds. {@code &&}/{@code &}, {@code ||}/{@code |} and {@code !} are Jira's symbolic AND, OR and NOT. */
    enum Kind {
        /** An unquoted run of characters: field name, keyword, bare value, function name. */
        WORD,
        /** A single- or double-quoted string, escapes resolved. */
        STRING,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        /** {@code = != < <= > >= ~ !~}. */
        OPERATOR,
        AND_SYMBOL,
        OR_SYMBOL,
        NOT_SYMBOL,
        END
    }

    /** Whether this is the unquoted keyword {@code keyword} (case-insensitive). */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** The word lower-cased (field names and keywords are case-insensitive). */
    String lowerText() {
        return text.toLowerCase(Locale.ROOT);
    }
}
