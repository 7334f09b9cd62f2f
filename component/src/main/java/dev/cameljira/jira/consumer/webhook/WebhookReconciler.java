package dev.cameljira.jira.consumer.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.consumer.JqlWindow;
import dev.cameljira.jira.model.ChangelogEntry;
import dev.cameljira.jira.model.JiraEvent;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.jira.operations.SearchOperations;

/**
 * The webhook consumer's safety net (as Workato runs one every 6 hours): a JQL search for the issues updated since the
 * previous run, emitted as {@code jira:issue_created} / {@code jira:issue_updated} events with source
 * {@link JiraEvent.Source#RECONCILE}, skipping every issue version (issue id + updated time) a webhook already
 * delivered. The window is a relative JQL date ({@code updated >= -Nm}), so it does not depend on the Jira user's time
 * zone; it overlaps the previous run by a minute (JQL dates have minute precision), the overlap being de-duplicated.
 */
final class WebhookReconciler {

    /** Prefix of the keys under which issue versions are remembered in the idempotent repository. */
    static final String VERSION_KEY_PREFIX = "jira-issue-version:";

    private static final int PAGE_SIZE = 50;
    private static final long OVERLAP_MINUTES = 1;
    private static final Duration SAME_MOMENT = Duration.ofSeconds(2);

    private final Supplier<JiraApi> api;
    private final String jql;
    private final Predicate<String> accepts;
    private final DeliveryLedger ledger;
    private final Predicate<JiraEvent> route;
    private final Clock clock;
    private Instant since;

    /**
     * @param jql     the endpoint's JQL, or null for all issues the user can see
     * @param accepts the event selection
     * @param route   routes one event; true when the route succeeded
     * @param since   where the first run starts (normally the consumer's start)
     */
    WebhookReconciler(Supplier<JiraApi> api, String jql, Predicate<String> accepts, DeliveryLedger ledger, Predicate<JiraEvent> route,
                      Clock clock, Instant since) {
        this.api = api;
        this.jql = jql;
        this.accepts = accepts;
        this.ledger = ledger;
        this.route = route;
        this.clock = clock;
        this.since = since;
    }

    /** The key of an issue version, or null when the issue has no id or updated time. */
    static String versionKey(JiraIssue issue) {
        if (issue == null || issue.id() == null) {
            return null;
        }
        OffsetDateTime updated = issue.updated();
        return updated == null ? null : VERSION_KEY_PREFIX + issue.id() + "@" + updated.toInstant().toEpochMilli();
    }

    /** The search of a run that started at {@code now}. */
    String query(Instant now) {
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        long minutes = (seconds + 59) / 60 + OVERLAP_MINUTES;
        return JqlWindow.of(jql, "updated >= -" + minutes + "m", "updated ASC");
    }

    /**
     * One run: searches, routes what no webhook delivered, and moves the window forward when every event was routed
     * (otherwise the next run covers the same period again).
     *
     * @return the number of events routed
     * @throws InterruptedException while waiting for a copy of an event in flight
     */
    synchronized int run() throws InterruptedException {
        Instant started = clock.instant();
        int routed = 0;
        boolean complete = true;
        for (JiraIssue issue : SearchOperations.search(api.get(), query(started), List.of("*all"), "changelog", PAGE_SIZE, 0)) {
            JiraEvent event = toEvent(issue);
            String key = versionKey(issue);
            if (key == null || !accepts.test(event.type())) {
                continue;
            }
            DeliveryLedger.Outcome outcome = ledger.deliver(key, () -> route.test(event));
            if (outcome == DeliveryLedger.Outcome.PROCESSED) {
                routed++;
            } else if (outcome != DeliveryLedger.Outcome.DUPLICATE) {
                complete = false;
            }
        }
        if (complete) {
            since = started;
        }
        return routed;
    }

    /** An issue found by the search as the event a webhook would have brought (its latest change as changelog). */
    static JiraEvent toEvent(JiraIssue issue) {
        OffsetDateTime created = issue.created();
        OffsetDateTime updated = issue.updated();
        // Jira stamps a new issue's created and updated alike; any later change moves updated
        boolean isNew = created != null && updated != null && created.toInstant().equals(updated.toInstant());
        ChangelogEntry latest = latestHistory(issue.changelog());
        boolean latestIsThisUpdate = latest != null && latest.created() != null && updated != null
                                     && Duration.between(latest.created(), updated).abs().compareTo(SAME_MOMENT) <= 0;
        return new JiraEvent(isNew ? "jira:issue_created" : "jira:issue_updated", updated == null ? null : updated.toInstant(),
                null, issue, null, latestIsThisUpdate ? latest.id() : null, latestIsThisUpdate ? latest.items() : List.of(),
                latestIsThisUpdate ? latest.author() : null, null, JiraEvent.Source.RECONCILE, versionKey(issue), issue.raw());
    }

    private static ChangelogEntry latestHistory(JsonNode changelog) {
        ChangelogEntry latest = null;
        if (changelog == null) {
            return null;
        }
        for (JsonNode h : changelog.path("histories")) {
            ChangelogEntry e = ChangelogEntry.from(h);
            if (e != null && e.created() != null && (latest == null || e.created().isAfter(latest.created()))) {
                latest = e;
            }
        }
        return latest;
    }

    @Override
    public String toString() {
        return "WebhookReconciler[" + (jql == null || jql.isBlank() ? "all issues" : jql) + "]";
    }
}
