package dev.cameljira.jira.consumer.poll;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the polling consumers ({@code newIssues}, {@code updatedIssues} alias {@code watchUpdates},
 * {@code newComments}). The search itself is shaped by the endpoint options {@code jql}, {@code maxResults} (page size),
 * {@code fields} and {@code expand}; how often it runs by Camel's scheduled-poll options ({@code delay}, which the jira:
 * consumers default to 6000 ms as camel-jira did, {@code initialDelay}, {@code greedy}, {@code backoff*},
 * {@code sendEmptyMessageWhenIdle}, ...).
 */
@UriParams
public class JiraPollingConfiguration implements Cloneable {

    @UriParam(label = "consumer", defaultValue = "now",
              description = "Where a first start picks up when no cursor is stored yet: now (Jira's clock at start), a duration "
                            + "back such as -1h, -30m or -2d, or a timestamp (ISO-8601, e.g. 2026-11-28T10:15:00Z; without an "
                            + "offset it is read in the Jira user's time zone). Ignored once a cursor is stored.")
    private String since = "now";

    @UriParam(label = "consumer",
              description = "updatedIssues only: comma-separated fields (ids or names, case-insensitive, e.g. status,priority,"
                            + "Story Points); a change history that touches none of them is not emitted. Empty (default): every change.")
    private String watchedFields;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "updatedIssues only: also emit newComments' comment_created events, read from the same search (the"
                            + " comment field is added to it), so that one poller and one search per page do what an"
                            + " updatedIssues and a newComments poller over the same JQL do with two.")
    private boolean includeComments;

    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How far before the cursor each poll searches again, on top of the minute precision of JQL dates "
                            + "(milliseconds or a duration such as 1m). Covers Jira Cloud's search-index lag and clock skew; "
                            + "what was already emitted is de-duplicated, so a larger overlap costs bandwidth, not repeats.")
    private long overlap = 60_000;

    @UriParam(label = "consumer,advanced",
              description = "Where the cursor is kept: a Camel StateRepository<String, String> bean (FileStateRepository, a JDBC "
                            + "one, ...). Default: in memory, so a restart of the application starts again from since.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced",
              description = "Key of the cursor in the stateRepository. Default: derived from the consumer kind, jiraUrl, username "
                            + "and jql, so two routes watching different things never share a cursor.")
    private String stateKey;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "At most this many events per poll (0: all found); the rest follow on the next polls, oldest first.")
    private int maxMessagesPerPoll;

    /** Where a first start picks up. */
    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    /** Comma-separated fields whose changes updatedIssues emits; empty for all. */
    public String getWatchedFields() {
        return watchedFields;
    }

    public void setWatchedFields(String watchedFields) {
        this.watchedFields = watchedFields;
    }

    /** updatedIssues: whether comment_created events come from the same search too. */
    public boolean isIncludeComments() {
        return includeComments;
    }

    public void setIncludeComments(boolean includeComments) {
        this.includeComments = includeComments;
    }

    /** Milliseconds each poll looks back before the cursor, on top of JQL's minute precision. */
    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    /** Where the cursor is kept; null for the in-memory default. */
    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    /** The cursor's key in the repository; null to derive it. */
    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    /** At most this many events per poll; 0 for all. */
    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public JiraPollingConfiguration copy() {
        try {
            return (JiraPollingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
