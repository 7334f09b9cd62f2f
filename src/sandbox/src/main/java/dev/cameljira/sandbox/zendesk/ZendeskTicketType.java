package dev.cameljira.sandbox.zendesk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Ticket type. */
public enum ZendeskTicketType {
    PROBLEM, INCIDENT, QUESTION, TASK;

    /** The lower-case name used on the wire ("incident"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive). */
    public static Optional<ZendeskTicketType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equalsIgnoreCase(value)).findFirst();
    }
}
