package dev.cameljira.jira.operations;

import dev.cameljira.jira.client.JiraException;
import dev.cameljira.jira.model.BulkCreateResult;

/**
 * A bulkCreateIssues stopped part-way because a chunk failed with an error other than Jira rejecting its items. The
 * message names how many issues earlier chunks created (and their keys); {@link #partialResult()} carries them.
 */
public final class BulkCreateException extends JiraException {

    private final transient BulkCreateResult partialResult;

    public BulkCreateException(String message, BulkCreateResult partialResult, Throwable cause) {
        super(message, cause);
        this.partialResult = partialResult;
    }

    /** What earlier chunks created and which of their items Jira rejected. */
    public BulkCreateResult partialResult() {
        return partialResult;
    }
}
