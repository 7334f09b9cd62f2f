package dev.cameljira.jira.consumer;

/**
 * The one place a consumer's search JQL is built from the user's {@code jql} option: the polling consumers' window and
 * the webhook's backup poll. {@code (<user jql>) AND <window> ORDER BY <order>}: the user's JQL is always
 * parenthesised, and its own ORDER BY (the consumer needs its order) is cut off first, found by a scan that knows JQL
 * strings: text in double or single quotes, with backslash escapes, is never taken for the keyword, whatever it
 * contains. ORDER BY is recognised in any case and with any whitespace (spaces, tabs, line breaks) between the words.
 */
public final class JqlWindow {

    private JqlWindow() {
    }

    /**
     * @param userJql the endpoint's jql option, or null/blank for every issue the user can see
     * @param window  the consumer's restriction, e.g. {@code updated >= -5m}
     * @param orderBy the consumer's order, e.g. {@code updated ASC}
     */
    public static String of(String userJql, String window, String orderBy) {
        String user = withoutOrderBy(userJql);
        String where = user.isEmpty() ? window : "(" + user + ") AND " + window;
        return where + " ORDER BY " + orderBy;
    }

    /** The query without a trailing {@code ORDER BY ...} clause (found outside quoted strings), trimmed; "" for none. */
    public static String withoutOrderBy(String jql) {
        if (jql == null) {
            return "";
        }
        String q = jql.trim();
        int cut = orderByStart(q);
        return (cut < 0 ? q : q.substring(0, cut)).trim();
    }

    /** Index of the last top-level ORDER BY keyword pair outside quotes, or -1. */
    private static int orderByStart(String q) {
        int found = -1;
        char quote = 0;
        for (int i = 0; i < q.length(); i++) {
            char ch = q.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if ((ch == 'o' || ch == 'O') && startsWord(q, i, "order") && isOrderBy(q, i + 5)) {
                found = i;
            }
        }
        return found;
    }

    private static boolean startsWord(String q, int i, String word) {
        if (i > 0 && isWordChar(q.charAt(i - 1))) {
            return false;
        }
        if (!q.regionMatches(true, i, word, 0, word.length())) {
            return false;
        }
        int end = i + word.length();
        return end >= q.length() || !isWordChar(q.charAt(end));
    }

    private static boolean isOrderBy(String q, int afterOrder) {
        int j = afterOrder;
        if (j >= q.length() || !Character.isWhitespace(q.charAt(j))) {
            return false;
        }
        while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
            j++;
        }
        return startsWord(q, j, "by");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
