package dev.cameljira.jira.consumer;

import dev.cameljira.jira.JiraEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** The jira:webhook consumer. PLACEHOLDER: being written. */
public class JiraWebhookConsumer extends DefaultConsumer {

    public JiraWebhookConsumer(JiraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        throw new UnsupportedOperationException("jira:webhook is not implemented yet");
    }
}
