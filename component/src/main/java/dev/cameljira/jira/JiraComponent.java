package dev.cameljira.jira;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cameljira.jira.client.JiraAuth;
import dev.cameljira.jira.client.RequestPacer;

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

    /** One pacer per Jira site, user and rate, shared by the endpoints that reach Jira so (see {@link RequestPacer}). */
    private final Map<String, RequestPacer> pacers = new ConcurrentHashMap<>();

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

    /**
     * The pacer of the endpoints reaching {@code jiraUrl} with these credentials at this rate. Keyed by a digest of the
     * credentials, so that no secret is kept as a map key.
     */
    RequestPacer pacer(String jiraUrl, JiraAuth auth, double maxRequestsPerSecond) {
        String identity = auth instanceof JiraAuth.OAuth1 o ? o.consumerKey() + "\n" + o.token() : auth.authorizationHeader();
        String key = jiraUrl.trim().replaceAll("/+$", "") + "\n" + digest(identity) + "\n" + maxRequestsPerSecond;
        return pacers.computeIfAbsent(key, k -> new RequestPacer(maxRequestsPerSecond));
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public JiraConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JiraConfiguration configuration) {
        this.configuration = configuration;
    }
}
