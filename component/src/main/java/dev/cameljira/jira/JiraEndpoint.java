package dev.cameljira.jira;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.cameljira.jira.client.JiraApi;
import dev.cameljira.jira.client.JiraApiVersion;
import dev.cameljira.jira.client.JiraAuth;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraClientConfig;
import dev.cameljira.jira.client.JiraDeployment;
import dev.cameljira.jira.client.JiraInvalidInputException;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import dev.cameljira.jira.consumer.JiraConsumerType;
import dev.cameljira.jira.consumer.poll.JiraPollingConfiguration;
import dev.cameljira.jira.consumer.poll.JiraPollingConsumer;
import dev.cameljira.jira.consumer.webhook.JiraWebhookConfiguration;
import dev.cameljira.jira.consumer.webhook.JiraWebhookConsumer;

/**
 * Reach Jira Cloud (REST v3 with ADF, v2) and Jira Data Center / Server (v2): create, read, update, search and
 * transition issues and their comments, attachments, watchers, links, remote links, worklogs and properties; manage
 * projects; look up users and fields.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jira", title = "Jira", syntax = "jira:operation",
             category = { Category.DOCUMENT, Category.API }, headersClass = JiraConstants.class)
public class JiraEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The producer operation or consumer kind, case-insensitive; Apache camel-jira's names (addIssue,"
                           + " fetchIssue, attach, watchUpdates, ...) work too.",
             enums = "createIssue,getIssue,updateIssue,deleteIssue,searchIssues,bulkCreateIssues,transitionIssue,assignIssue,"
                      + "getChangelog,addComment,getComments,updateComment,deleteComment,addAttachment,getAttachments,"
                      + "getAttachmentContent,addWatcher,removeWatcher,getWatchers,watchers,linkIssues,addWorklog,setIssueProperty,"
                      + "getIssueProperty,deleteIssueProperty,addRemoteLink,getRemoteLinks,createProject,getProject,searchProjects,"
                      + "updateProject,deleteProject,searchUsers,getFields,getCreateMeta,addIssue,fetchIssue,fetchComments,attach,"
                      + "addIssueLink,addWorkLog,"
                      + "webhook,newIssues,updatedIssues,watchUpdates,newComments")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private JiraConfiguration configuration;
    @UriParam
    private JiraWebhookConfiguration webhookConfiguration = new JiraWebhookConfiguration();
    @UriParam
    private JiraPollingConfiguration pollingConfiguration = new JiraPollingConfiguration();

    private JiraOperation jiraOperation;
    private JiraConsumerType consumerType;
    private volatile JiraApi api;

    public JiraEndpoint(String uri, JiraComponent component, JiraConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        // the consumers poll every 6 s by default (camel-jira's default) instead of ScheduledPollEndpoint's 500 ms
        setDelay(JiraPollingConsumer.DEFAULT_DELAY);
    }

    @Override
    public Producer createProducer() {
        if (JiraOperation.find(operation).isEmpty()) {
            throw new IllegalArgumentException("jira:" + operation + " is a consumer (use it in from()); producer operations: "
                                               + JiraOperation.names());
        }
        return new JiraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JiraConsumerType type = JiraConsumerType.find(operation).orElseThrow(() -> new IllegalArgumentException(
                "jira:" + operation + " is a producer operation (use it in to()); consumers: " + JiraConsumerType.names()));
        Consumer consumer = type == JiraConsumerType.WEBHOOK
                ? new JiraWebhookConsumer(this, processor)
                : new JiraPollingConsumer(this, processor, type);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        consumerType = JiraConsumerType.find(operation).orElse(null);
        jiraOperation = consumerType != null ? null : JiraOperation.of(operation);
        if (!hasJiraUrl() && needsJira()) {
            throw new IllegalArgumentException("jira:" + operation + " needs the jiraUrl option: the base URL of Jira, "
                                               + "e.g. https://your-domain.atlassian.net");
        }
        if (configuration.getDeployment() == JiraDeployment.SERVER && configuration.getApiVersion() == JiraApiVersion.V3) {
            throw new JiraInvalidInputException("jira:" + operation + " has deployment=server and apiVersion=3, but Jira Data "
                                               + "Center / Server speaks REST v2 only: use apiVersion=auto or 2");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (api == null && hasJiraUrl()) {
            api = createApi();
        }
    }

    @Override
    protected void doStop() throws Exception {
        JiraApi a = api;
        api = null;
        if (a != null) {
            a.close();
        }
        super.doStop();
    }

    private boolean hasJiraUrl() {
        return configuration.getJiraClient() != null
               || (configuration.getJiraUrl() != null && !configuration.getJiraUrl().isBlank());
    }

    /** Whether this endpoint talks to Jira: all do, except a receive-only jira:webhook (no registration, no reconcile). */
    private boolean needsJira() {
        return consumerType != JiraConsumerType.WEBHOOK || webhookConfiguration.needsJira();
    }

    /**
     * The endpoint's API over the injected jiraClient (not closed with the endpoint), else over a client built from the
     * configuration. No I/O happens here: deployment detection is lazy.
     */
    JiraApi createApi() throws Exception {
        JiraConfiguration c = configuration;
        Duration ttl = Duration.ofMillis(c.getMetadataCacheTtl());
        if (c.getJiraClient() != null) {
            return new JiraApi(c.getJiraClient(), false, c.getDeployment(), c.getApiVersion().number(), ttl);
        }
        JiraAuth auth = auth(c);
        JiraClientConfig.Builder b = JiraClientConfig.builder(c.getJiraUrl())
                .auth(auth)
                .pacer(getComponent().pacer(c.getJiraUrl(), auth, c.getMaxRequestsPerSecond()))
                .userAgent(c.getUserAgent())
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .socketTimeout(Duration.ofMillis(c.getSocketTimeout()))
                .maxConnections(c.getMaxConnections())
                .maxRetries(c.getMaxRetries())
                .initialRetryDelay(Duration.ofMillis(c.getInitialRetryDelay()))
                .maxRetryDelay(Duration.ofMillis(c.getMaxRetryDelay()))
                .callListener(c.getCallListener());
        if (c.getProxyHost() != null) {
            b.proxy(c.getProxyHost(), c.getProxyPort() == null ? -1 : c.getProxyPort());
            if (c.getProxyUsername() != null) {
                b.proxyCredentials(c.getProxyUsername(), c.getProxyPassword());
            }
        }
        if (c.getSslContextParameters() != null) {
            SSLContext ssl = c.getSslContextParameters().createSSLContext(getCamelContext());
            b.sslContext(ssl);
        }
        return new JiraApi(new JiraClient(b.build()), true, c.getDeployment(), c.getApiVersion().number(), ttl);
    }

    /**
     * The credentials of an endpoint: OAuth 1.0a when consumerKey, privateKey and accessToken are set (it wins over
     * Bearer), else Bearer with accessToken, else basic auth, else none.
     */
    static JiraAuth auth(JiraConfiguration c) {
        if (isSet(c.getConsumerKey()) || isSet(c.getPrivateKey())) {
            if (!isSet(c.getConsumerKey()) || !isSet(c.getPrivateKey()) || !isSet(c.getAccessToken())) {
                throw new JiraInvalidInputException("OAuth 1.0a needs consumerKey, privateKey and accessToken; missing: "
                                                    + missingOAuth1(c));
            }
            return JiraAuth.oauth1(c.getConsumerKey(), c.getPrivateKey(), c.getAccessToken(), c.getVerificationCode());
        }
        if (isSet(c.getAccessToken())) {
            return JiraAuth.bearer(c.getAccessToken());
        }
        String secret = isSet(c.getApiToken()) ? c.getApiToken() : c.getPassword();
        if (isSet(c.getUsername())) {
            if (!isSet(secret)) {
                throw new JiraInvalidInputException("username '" + c.getUsername()
                                                    + "' is set but neither apiToken (Jira Cloud) nor password (Data Center) is");
            }
            return JiraAuth.basic(c.getUsername(), secret);
        }
        if (isSet(secret)) {
            throw new JiraInvalidInputException("apiToken/password is set but username is not: basic auth needs both "
                                                + "(use accessToken for a bearer token)");
        }
        return JiraAuth.anonymous();
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    private static String missingOAuth1(JiraConfiguration c) {
        List<String> missing = new ArrayList<>();
        if (!isSet(c.getConsumerKey())) {
            missing.add("consumerKey");
        }
        if (!isSet(c.getPrivateKey())) {
            missing.add("privateKey");
        }
        if (!isSet(c.getAccessToken())) {
            missing.add("accessToken");
        }
        return String.join(", ", missing);
    }

    /** The Jira API of this endpoint (started lazily when used before start, e.g. by a health check). */
    public JiraApi getApi() {
        JiraApi a = api;
        if (a == null) {
            if (!hasJiraUrl()) {
                throw new IllegalStateException("jira:" + operation + " has no jiraUrl: set it to reach Jira, e.g. "
                                                + "https://your-domain.atlassian.net");
            }
            synchronized (this) {
                if (api == null) {
                    try {
                        api = createApi();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot create the Jira client: " + e.getMessage(), e);
                    }
                }
                a = api;
            }
        }
        return a;
    }

    @Override
    public JiraComponent getComponent() {
        return (JiraComponent) super.getComponent();
    }

    /** The producer operation, or null for a consumer endpoint. */
    public JiraOperation getJiraOperation() {
        return jiraOperation;
    }

    /** The consumer kind, or null for a producer endpoint. */
    public JiraConsumerType getConsumerType() {
        return consumerType;
    }

    public JiraWebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    public void setWebhookConfiguration(JiraWebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public JiraPollingConfiguration getPollingConfiguration() {
        return pollingConfiguration;
    }

    public void setPollingConfiguration(JiraPollingConfiguration pollingConfiguration) {
        this.pollingConfiguration = pollingConfiguration;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public JiraConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JiraConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getJiraClient() != null ? configuration.getJiraClient().config().baseUrl()
                : configuration.getJiraUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
