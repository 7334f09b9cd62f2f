package dev.cameljira.jira;

import java.util.Map;

import dev.cameljira.jira.consumer.JiraConsumerType;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The jira: component. Options set here (jiraUrl, credentials, ...) are shared by all its endpoints, each of which
 * gets its own copy to override.
 */
@Component("jira")
public class JiraComponent extends HealthCheckComponent {

    @Metadata(description = "Shared configuration of all jira: endpoints.")
    private JiraConfiguration configuration = new JiraConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("jira: needs an operation, e.g. jira:createIssue. Valid operations: "
                                               + JiraOperation.names() + "; consumers: " + JiraConsumerType.names());
        }
        if (JiraConsumerType.find(remaining).isEmpty() && JiraOperation.find(remaining).isEmpty()) {
            throw new IllegalArgumentException("Unknown jira operation '" + remaining + "'. Valid operations: "
                                               + JiraOperation.names() + "; consumers: " + JiraConsumerType.names());
        }
        JiraEndpoint endpoint = new JiraEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public JiraConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JiraConfiguration configuration) {
        this.configuration = configuration;
    }
}
