package dev.cameljira.sandbox.jira.service;

/** A problem with one field's value; collected into the {@code errors} map of a 400. */
public final class FieldError extends RuntimeException {
    private final String field;

    public FieldError(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Jira's message for a field that cannot be set. */
    public static FieldError cannotBeSet(String field) {
        return new FieldError(field, "Field '" + field + "' cannot be set. It is not on the appropriate screen, or unknown.");
    }
}
