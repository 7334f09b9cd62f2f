package dev.cameljira.jira;

import dev.cameljira.jira.operations.OperationContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Dispatches a message to the handler of its operation: the endpoint's, or the one named by the
 * {@link JiraConstants#OPERATION} header. The handler's result becomes the body.
 */
public class JiraProducer extends DefaultProducer {

    private final JiraEndpoint endpoint;

    public JiraProducer(JiraEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JiraOperation operation = endpoint.getJiraOperation();
        String override = exchange.getIn().getHeader(JiraConstants.OPERATION, String.class);
        if (override != null && !override.isBlank()) {
            operation = JiraOperation.of(override);
        }
        OperationContext ctx = new OperationContext(exchange, endpoint.getConfiguration(), endpoint.getApi(), operation);
        Object result = operation.handler().handle(ctx);
        exchange.getMessage().setBody(result);
    }
}
