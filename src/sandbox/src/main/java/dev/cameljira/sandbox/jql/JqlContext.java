package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Evaluation context of a search.
 *
 * @param zone           the searching user's time zone: date literals such as {@code "2026-11-28 10:15"} are read in
 *                       it, and issue dates are truncated to the minute in it before they are compared
 * @param now            the instant relative dates ({@code -1h}) and functions ({@code now()}, {@code startOfDay()})
 *                       are computed from
 * @param currentUserIds every identifier of the searching user (accountId, name, key, e-mail...) that
 *                       {@code currentUser()} stands for; empty for an anonymous search, which then matches no user;
 *                       null is read as empty
 * @param versions       the versions the version functions ({@code releasedVersions()}...) list; null is read as
 *                       {@link JqlVersions#NONE}
 */
public record JqlContext(ZoneId zone, Instant now, List<String> currentUserIds, JqlVersions versions) {

    /** Validates and copies. */
    public JqlContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        currentUserIds = currentUserIds == null ? List.of() : List.copyOf(currentUserIds);
        versions = versions == null ? JqlVersions.NONE : versions;
    }

    /** A context without versions (the version functions list nothing). */
    public JqlContext(ZoneId zone, Instant now, List<String> currentUserIds) {
        this(zone, now, currentUserIds, null);
    }
}
