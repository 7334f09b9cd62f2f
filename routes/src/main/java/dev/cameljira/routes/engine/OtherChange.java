package dev.cameljira.routes.engine;

/**
 * What to change on a ticket or incident: only the non-null fields, and the assignee when {@link #assigneeChanged}.
 */
public final class OtherChange {
    private String summary;
    private String status;
    private String priority;
    private boolean assigneeChanged;
    private Person assignee;

    public OtherChange summary(String value) {
        this.summary = value;
        return this;
    }

    public OtherChange status(String value) {
        this.status = value;
        return this;
    }

    public OtherChange priority(String value) {
        this.priority = value;
        return this;
    }

    /** Assigns {@code value}, or unassigns when null. */
    public OtherChange assignee(Person value) {
        this.assigneeChanged = true;
        this.assignee = value;
        return this;
    }

    public String summary() {
        return summary;
    }

    public String status() {
        return status;
    }

    public String priority() {
        return priority;
    }

    public boolean assigneeChanged() {
        return assigneeChanged;
    }

    public Person assignee() {
        return assignee;
    }

    /** True when there is nothing to write. */
    public boolean isEmpty() {
        return summary == null && status == null && priority == null && !assigneeChanged;
    }
}
