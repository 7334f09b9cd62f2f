package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Builds the JQL of one poll: {@code (<user jql>) AND updated >= "yyyy-MM-dd HH:mm" ORDER BY updated ASC, key ASC}
 * (created for newIssues). The user's JQL is always parenthesised, and its own ORDER BY (the poller needs its order)
 * is cut off first. The date literal is written in the Jira user's time zone, the zone Jira reads it in, to the minute
 * (the precision of JQL dates), rounded down so the window never starts late.
 */
final class PollJql {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private PollJql() {
    }

    /**
     * @param userJql   the endpoint's jql option, or null/blank for every issue the user can see
     * @param timeField {@code updated} or {@code created}
     * @param from      the window start
     * @param zone      the Jira user's time zone
     */
    static String window(String userJql, String timeField, Instant from, ZoneId zone) {
        String restriction = timeField + " >= \"" + literal(from, zone) + "\"";
        String user = withoutOrderBy(userJql);
        String where = user.isEmpty() ? restriction : "(" + user + ") AND " + restriction;
        return where + " ORDER BY " + timeField + " ASC, key ASC";
    }

    /** The JQL date literal for an instant: minute precision, in the zone, rounded down. */
    static String literal(Instant at, ZoneId zone) {
        return LITERAL.format(at.atZone(zone));
    }

    /** The query without a trailing {@code ORDER BY ...} clause (found outside quoted strings), trimmed; "" for none. */
    static String withoutOrderBy(String jql) {
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
