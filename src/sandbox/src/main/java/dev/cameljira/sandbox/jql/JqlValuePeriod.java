package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One period of a field's history: from {@code start} until the next period's start (or now), the field had
 * {@code values}. The first period of a field starts when the issue was created; each later one starts with a change.
 *
 * @param start     when the field took these values
 * @param changedBy every identifier of the user who set them (the change's author; for the first period, the
 *                  issue's creator), as {@link JqlIssue#values(String)} lists users
 * @param values    the values, each as the identifiers it may be named by (name and id...); empty means EMPTY
 */
public record JqlValuePeriod(Instant start, List<String> changedBy, List<List<String>> values) {

    public JqlValuePeriod {
        Objects.requireNonNull(start, "start");
        changedBy = changedBy == null ? List.of() : List.copyOf(changedBy);
        values = values.stream().map(List::copyOf).toList();
    }
}
