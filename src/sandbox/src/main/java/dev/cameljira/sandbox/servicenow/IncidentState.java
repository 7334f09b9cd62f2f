package dev.cameljira.sandbox.servicenow;

import java.util.Arrays;
import java.util.Optional;

/** The incident states of a stock ServiceNow instance, with their stored values and labels. */
public enum IncidentState {
    NEW(1, "New"), IN_PROGRESS(2, "In Progress"), ON_HOLD(3, "On Hold"), RESOLVED(6, "Resolved"),
    CLOSED(7, "Closed"), CANCELED(8, "Canceled");

    private final int value;
    private final String label;

    IncidentState(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The stored value ("1" for New on the wire). */
    public int value() {
        return value;
    }

    /** The display value ("New"). */
    public String label() {
        return label;
    }

    /** True for Closed and Canceled: the incident is no longer active. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELED;
    }

    /** The state stored as {@code value}. */
    public static Optional<IncidentState> of(int value) {
        return Arrays.stream(values()).filter(s -> s.value == value).findFirst();
    }
}
