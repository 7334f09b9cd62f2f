package dev.cameljira.sandbox.zendesk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Ticket status, in Zendesk's workflow order (new &lt; open &lt; pending &lt; hold &lt; solved &lt; closed). */
public enum ZendeskStatus {
    NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED,
    /** Soft-deleted: only visible to the incremental exports. */
    DELETED;

    /** The lower-case name used on the wire ("open"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive); {@code deleted} is not a settable status. */
    public static Optional<ZendeskStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s != DELETED && s.wireName().equalsIgnoreCase(value)).findFirst();
    }
}
