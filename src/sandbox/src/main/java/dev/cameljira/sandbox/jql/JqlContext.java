package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Evaluation context: the searching user's time zone (JQL date literals are read in it, with minute precision),
 * "now", and the identifiers of the current user for {@code currentUser()}.
 */
public record JqlContext(ZoneId zone, Instant now, List<String> currentUserIds) {
}
