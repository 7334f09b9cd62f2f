package dev.cameljira.jira.consumer.poll;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraRequest;
import dev.cameljira.jira.model.JiraIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira's sense of time, as a poller needs it: the user's time zone (JQL date literals are read in it), from
 * {@code GET /myself}, and Jira's clock, from {@code serverInfo.serverTime}, so {@code since=now} and {@code -1h} do not
 * depend on the local clock being right.
 */
final class JiraUserTime {

    /**
     * Used when Jira does not tell the user's zone: the zone furthest ahead of UTC, so that a date literal written in it
     * never means a later instant than intended in whatever zone Jira reads it (the window errs early, never late).
     */
    static final ZoneId EARLIEST_READING = ZoneId.of("Etc/GMT-14");

    private static final Logger LOG = LoggerFactory.getLogger(JiraUserTime.class);

    private JiraUserTime() {
    }

    /** The integration user's time zone ({@code GET /myself} -> {@code timeZone}). */
    static ZoneId zone(JiraApi api) {
        JsonNode me = api.client().json(JiraRequest.get(api.api("/myself")).subject("myself"));
        String tz = me.path("timeZone").asText(null);
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                LOG.warn("Jira's time zone '{}' of the integration user is unknown to Java; JQL dates are written in UTC+14 so the "
                         + "poll window starts early rather than late", tz);
                return EARLIEST_READING;
            }
        }
        LOG.warn("Jira did not tell the integration user's time zone; JQL dates are written in UTC+14 so the poll window starts "
                 + "early rather than late");
        return EARLIEST_READING;
    }

    /** Jira's current time ({@code serverInfo.serverTime}), or the local clock when Jira does not tell it. */
    static Instant now(JiraApi api) {
        JsonNode info = api.client().json(JiraRequest.get(api.api("/serverInfo")).subject("serverInfo"));
        OffsetDateTime t = JiraIssue.date(info.get("serverTime"));
        return t == null ? Instant.now() : t.toInstant();
    }
}
