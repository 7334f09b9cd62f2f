package dev.cameljira.examples.sync;

import java.util.regex.Pattern;

/** Whether a ticket's external_id / an incident's correlation_id holds a Jira key yet (not the sync's pending claim). */
final class Linked {
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+");

    private Linked() {
    }

    static boolean isJiraKey(String value) {
        return value != null && KEY.matcher(value).matches();
    }
}
