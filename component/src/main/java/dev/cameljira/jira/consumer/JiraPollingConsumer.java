package dev.cameljira.jira.consumer;

import java.util.Queue;

import dev.cameljira.jira.JiraEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/** The polling consumers. PLACEHOLDER: being written. */
public class JiraPollingConsumer extends ScheduledBatchPollingConsumer {

    private final JiraConsumerType type;

    public JiraPollingConsumer(JiraEndpoint endpoint, Processor processor, JiraConsumerType type) {
        super(endpoint, processor);
        this.type = type;
    }

    @Override
    protected int poll() throws Exception {
        throw new UnsupportedOperationException("jira:" + type.uriName() + " is not implemented yet");
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        return 0;
    }
}
