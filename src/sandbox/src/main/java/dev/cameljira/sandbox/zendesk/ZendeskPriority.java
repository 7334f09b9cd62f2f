package dev.cameljira.sandbox.zendesk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Ticket priority. */
public enum ZendeskPriority {
    LOW, NORMAL, HIGH, URGENT;

    /** The lower-case name used on the wire ("high"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static Optional<ZendeskPriority> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName().equalsIgnoreCase(value)).findFirst();
    }
}
