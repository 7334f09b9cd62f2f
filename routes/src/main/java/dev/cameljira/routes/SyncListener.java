package dev.cameljira.routes;

import java.time.Duration;

/**
 * What the syncs report while they run. Bind an implementation in the registry (a CDI bean in Quarkus) and every sync
 * of the CamelContext calls it, for example to feed Micrometer. Every method has a no-op default; implementations must
 * be quick and thread-safe, and what they throw is logged and ignored.
 */
public interface SyncListener {

    /**
     * A change arrived.
     *
     * @param sync   the sync's route id
     * @param origin jira, zendesk or servicenow
     * @param source webhook, poll or reconcile
     */
    default void eventReceived(String sync, String origin, String source) {
    }

    /**
     * The sync wrote something.
     *
     * @param sync      the sync's route id
     * @param direction to-jira or from-jira
     * @param action    created, linked, status, priority, assignee, summary, comment, attachment
     * @param line      the log line, e.g. "Jira DEMO-7 Done -> Zendesk #12 solved"
     */
    default void synced(String sync, String direction, String action, String line) {
    }

    /**
     * An event failed.
     *
     * @param sync         the sync's route id
     * @param direction    to-jira, from-jira, or unknown when the failure came before the direction was known
     * @param reason       one line, no payload, no secret
     * @param link         the pair it was about, e.g. "Jira DEMO-7 <-> Zendesk #12"
     * @param deadLettered true when it went to the dead letter; false when it was handed back to its source to be
     *                     delivered again (throttling, outage)
     */
    default void failed(String sync, String direction, String reason, String link, boolean deadLettered) {
    }

    /** A new link: an issue created for a ticket / incident, or an existing issue found again by its label. */
    default void linked(String sync, String jiraKey, String otherRecord, String otherUrl) {
    }

    /**
     * A webhook delivery was refused.
     *
     * @param system jira, zendesk or servicenow
     * @param reason signature, malformed, method, content-type, too-large, stopping
     */
    default void webhookRejected(String system, String reason) {
    }

    /**
     * A poller finished a poll.
     *
     * @param sync   the sync's route id
     * @param poller jira-updates (changes and comments), zendesk, servicenow
     * @param lag    how far behind now its cursor is after the poll
     */
    default void polled(String sync, String poller, Duration lag) {
    }

    /**
     * One attempt of a call to Jira finished (retries count as attempts).
     *
     * @param method        HTTP method
     * @param operationPath the path with placeholders ({@code /rest/api/3/issue/{key}}), low-cardinality
     * @param status        the HTTP status, 0 when Jira did not answer
     * @param duration      how long it took
     */
    default void jiraCall(String method, String operationPath, int status, Duration duration) {
    }

    /**
     * A side throttled the sync (429, or 503): it waits before trying again.
     *
     * @param system jira, zendesk or servicenow
     * @param delay  how long it waits
     */
    default void rateLimited(String system, Duration delay) {
    }

    /**
     * A value had no pair in its map (reported once per value and sync).
     *
     * @param sync        the sync's route id
     * @param parameter   statusMap, priorityMap, typeMap, userMatch
     * @param value       the value without a pair
     * @param usedDefault what was used instead, or null when the field was left alone
     */
    default void unmapped(String sync, String parameter, String value, String usedDefault) {
    }
}
