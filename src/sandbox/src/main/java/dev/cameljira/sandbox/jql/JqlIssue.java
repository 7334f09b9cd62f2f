package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.util.List;

/** What the JQL evaluator needs to know of an issue. Implemented by the sandbox's issue store. */
public interface JqlIssue {

    /**
     * Every string by which {@code field} of this issue may be named in JQL, compared case-insensitively: for
     * {@code project} the key, id and name; for {@code issuetype}/{@code status}/{@code priority} the name and id; for
     * {@code assignee}/{@code reporter} the accountId (Cloud), name and key (Server), e-mail and display name; for
     * {@code labels} each label; for {@code key} the key and id; for {@code issuekey}/{@code id} likewise. An empty
     * list means the field is EMPTY. Field names arrive lower-cased.
     */
    List<String> values(String field);

    /** The instant of a date field ({@code created}, {@code updated}, {@code resolutiondate}...), or null. */
    Instant date(String field);

    /** Numeric id of the issue (for ordering by key/id). */
    long id();
}
