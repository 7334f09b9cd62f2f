package dev.cameljira.jira.consumer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the polling consumers (newIssues, updatedIssues, newComments). PLACEHOLDER: being written. */
@UriParams
public class JiraPollingConfiguration implements Cloneable {

    @UriParam(label = "consumer,polling", defaultValue = "now",
              description = "Where a first start picks up: now, a duration back such as -1h, or an ISO-8601 timestamp.")
    private String since = "now";

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public JiraPollingConfiguration copy() {
        try {
            return (JiraPollingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
