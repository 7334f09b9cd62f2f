package dev.cameljira.jira;

import dev.cameljira.jira.operations.OperationContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Dispatches a message to the handler of its operation: the endpoint's, or the one named by the
 * {@link JiraConstants#OPERATION} header. The handler's result becomes the body.
 */
public class JiraProducer extends DefaultProducer {

    private final JiraEndpoint endpoint;
    private WritableHealthCheckRepository healthCheckRepository;
    private JiraProducerHealthCheck healthCheck;

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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // health checks are optional: only when camel-health's producers repository is present
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            // the endpoint id keeps the check ids of two endpoints with the same operation (other site or user) apart
            healthCheck = new JiraProducerHealthCheck(endpoint, "producer:jira-" + endpoint.getOperation() + "-" + endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }
}
