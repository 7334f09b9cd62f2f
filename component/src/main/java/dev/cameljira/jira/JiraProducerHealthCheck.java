package dev.cameljira.jira;

import java.util.Map;

import dev.cameljira.jira.client.JiraApi;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness check of a jira: producer: DOWN with the reason (unreachable, 401 bad credentials, 403 missing
 * permission) or UP with the Jira user and deployment. Registered in Camel's "producers" health-check repository
 * (enable it with {@code camel.health.producersEnabled=true}) under the id {@code producer:jira-<operation>-<endpoint id>},
 * one per endpoint, so two endpoints of the same operation (e.g. two Jira sites) are each checked.
 */
public class JiraProducerHealthCheck extends AbstractHealthCheck {

    private final JiraEndpoint endpoint;

    public JiraProducerHealthCheck(JiraEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        JiraApi api;
        try {
            api = endpoint.getApi();
        } catch (RuntimeException e) {
            // the client could not even be built (bad option): say so instead of failing the probe itself; no jira.url
            // detail here, as the configured URL was refused (it may even carry credentials)
            builder.detail("jira.reason", "error");
            builder.message("The jira: endpoint cannot connect as configured: " + e.getMessage());
            builder.down();
            return;
        }
        builder.detail("jira.url", api.baseUrl());
        JiraHealth.Status s = JiraHealth.probe(api);
        builder.detail("jira.reason", s.reason());
        if (s.up()) {
            builder.detail("jira.user", s.user());
            builder.detail("jira.deployment", s.deployment());
            builder.detail("jira.apiVersion", s.apiVersion());
            builder.message(s.message());
            builder.up();
        } else {
            builder.message(s.message());
            builder.down();
        }
    }
}
