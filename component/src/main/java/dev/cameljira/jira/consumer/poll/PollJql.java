package dev.cameljira.jira.consumer.poll;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.cameljira.jira.consumer.JqlWindow;

/**
 * Builds the JQL of one poll: {@code (<user jql>) AND updated >= "yyyy-MM-dd HH:mm" ORDER BY updated ASC, key ASC}
 * (created for newIssues), through {@link JqlWindow} (the user's JQL parenthesised, its own ORDER BY cut). The date
 * literal is written in the Jira user's time zone, the zone Jira reads it in, to the minute
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
        return JqlWindow.of(userJql, timeField + " >= \"" + literal(from, zone) + "\"", timeField + " ASC, key ASC");
    }

    /** The JQL date literal for an instant: minute precision, in the zone, rounded down. */
    static String literal(Instant at, ZoneId zone) {
        return LITERAL.format(at.atZone(zone));
    }
}
