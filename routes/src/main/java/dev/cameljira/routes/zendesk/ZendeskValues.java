package dev.cameljira.routes.zendesk;

import java.util.List;

/** The values Zendesk accepts for the fields the sync maps (lower case, as the API writes them). */
public final class ZendeskValues {
    /** Ticket statuses in Zendesk's order. */
    public static final List<String> STATUS_ORDER = List.of("new", "open", "pending", "hold", "solved", "closed");
    /** Ticket statuses. */
    public static final List<String> STATUSES = STATUS_ORDER;
    /** Priorities, lowest first. */
    public static final List<String> PRIORITY_ORDER = List.of("low", "normal", "high", "urgent");
    /** Priorities. */
    public static final List<String> PRIORITIES = PRIORITY_ORDER;
    /** Ticket types. */
    public static final List<String> TYPES = List.of("problem", "incident", "question", "task");

    private ZendeskValues() {
    }
}
