package dev.cameljira.jira.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The webhook events a {@code jira:webhook} endpoint takes (its {@code events} option): exact names such as
 * {@code comment_created}, families with a trailing {@code *} ({@code worklog_*}, {@code jira:issue_*}) or {@code *}
 * for all. Registration expands families against the events Jira's admin webhooks offer.
 */
public final class WebhookEventSelection {

    /** The events of Jira admin webhooks (Cloud and Data Center), as registration offers them. */
    public static final List<String> KNOWN = List.of(
            "jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted",
            "worklog_created", "worklog_updated", "worklog_deleted",
            "issuelink_created", "issuelink_deleted",
            "attachment_created", "attachment_deleted",
            "project_created", "project_updated", "project_deleted",
            "jira:version_created", "jira:version_updated", "jira:version_deleted", "jira:version_released",
            "jira:version_unreleased", "jira:version_moved", "jira:version_merged",
            "user_created", "user_updated", "user_deleted",
            "sprint_created", "sprint_updated", "sprint_deleted", "sprint_started", "sprint_closed",
            "board_created", "board_updated", "board_deleted", "board_configuration_changed",
            "option_voting_changed", "option_watching_changed", "option_unassigned_issues_changed",
            "option_subtasks_changed", "option_attachments_changed", "option_issuelinks_changed",
            "option_timetracking_changed");

    private static final Pattern NAME = Pattern.compile("[a-z_:]+\\*?|\\*");

    private final List<String> exact;
    private final List<String> prefixes;

    private WebhookEventSelection(List<String> exact, List<String> prefixes) {
        this.exact = List.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * Reads the {@code events} option.
     *
     * @throws IllegalArgumentException naming the option and the bad entry when it is empty or not an event name
     */
    public static WebhookEventSelection parse(String csv) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (csv != null) {
            for (String part : csv.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("events: '" + name + "' is not a Jira webhook event name such as "
                                                       + "jira:issue_updated, comment_created or worklog_* (lower case, "
                                                       + "letters, '_' and ':'; a trailing * selects a family)");
                }
                if (name.endsWith("*")) {
                    prefixes.add(name.substring(0, name.length() - 1));
                } else {
                    exact.add(name);
                }
            }
        }
        if (exact.isEmpty() && prefixes.isEmpty()) {
            throw new IllegalArgumentException("events is empty: name at least one Jira webhook event, e.g. "
                                               + JiraWebhookConfiguration.DEFAULT_EVENTS + ", or * for all");
        }
        return new WebhookEventSelection(exact, prefixes);
    }

    /** Whether an arriving event (its {@code webhookEvent}) is taken. */
    public boolean accepts(String event) {
        if (event == null) {
            return false;
        }
        if (exact.contains(event)) {
            return true;
        }
        for (String p : prefixes) {
            if (event.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The concrete event names to register with Jira: exact names as given, families expanded over {@link #KNOWN}. */
    public List<String> forRegistration() {
        Set<String> out = new LinkedHashSet<>(exact);
        for (String p : prefixes) {
            KNOWN.stream().filter(e -> e.startsWith(p)).forEach(out::add);
        }
        return new ArrayList<>(out);
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(exact);
        prefixes.forEach(p -> all.add(p + "*"));
        return String.join(",", all);
    }
}
