package dev.cameljira.jira.client;

import java.util.List;

/**
 * transitionIssue was asked for a transition (by id, name or target status) that the issue cannot take from its
 * current status, or that the user may not take. Nothing was changed. A {@link JiraInvalidInputException}, so existing
 * handlers of that type still catch it; routes that sync statuses can catch this one to tell "the issue is already
 * there, or its workflow does not allow it" from other bad input.
 */
public class JiraTransitionNotAvailableException extends JiraInvalidInputException {

    private final String issueKey;
    private final String wanted;
    private final List<String> available;

    /**
     * @param message   the full message (it names the issue, what was wanted and what is available)
     * @param issueKey  the issue
     * @param wanted    the transition id, transition name or target status asked for
     * @param available the transitions the issue offers now, each as {@code "name -> target status"}
     */
    public JiraTransitionNotAvailableException(String message, String issueKey, String wanted, List<String> available) {
        super(message);
        this.issueKey = issueKey;
        this.wanted = wanted;
        this.available = available == null ? List.of() : List.copyOf(available);
    }

    /** The issue key (or id) the transition was asked for. */
    public String getIssueKey() {
        return issueKey;
    }

    /** What was asked for: a transition id, a transition name or a target status name, as given. */
    public String getWanted() {
        return wanted;
    }

    /** The transitions available from the issue's current status, each {@code "name -> target status"}; may be empty. */
    public List<String> getAvailable() {
        return available;
    }
}
