package dev.cameljira.jira;

import dev.cameljira.jira.client.JiraApiVersion;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.client.JiraClient;
import dev.cameljira.jira.client.JiraDeployment;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a jira: endpoint. Set on the component to share them, overridden per endpoint URI.
 */
@UriParams
public class JiraConfiguration implements Cloneable {

    // ---- connection ----
    @UriParam(label = "common")
    @Metadata(description = "Base URL of Jira, required by producers, polling consumers and a webhook consumer that registers "
                            + "its webhook or reconciles (a receive-only jira:webhook does not call Jira); e.g. "
                            + "https://your-domain.atlassian.net (Cloud), "
                                             + "https://jira.example.com (Data Center), or https://api.atlassian.com/ex/jira/{cloudId} for OAuth 2.0.")
    private String jiraUrl;
    @UriParam(label = "common", defaultValue = "auto", enums = "auto,cloud,server",
              description = "Jira Cloud or Data Center/Server; auto asks serverInfo once and caches the answer.")
    private JiraDeployment deployment = JiraDeployment.AUTO;
    @UriParam(label = "common", defaultValue = "auto", enums = "auto,2,3",
              description = "REST API version: auto uses 3 (ADF) on Cloud and 2 on Data Center; 2 forces wiki-markup strings on Cloud.")
    private JiraApiVersion apiVersion = JiraApiVersion.AUTO;

    // ---- security ----
    @UriParam(label = "security", description = "User for basic auth: the Atlassian account e-mail on Cloud, the user name on Data Center.")
    private String username;
    @UriParam(label = "security", secret = true, description = "Password for basic auth (Data Center / Server).")
    private String password;
    @UriParam(label = "security", secret = true, description = "Atlassian API token for basic auth with username (Jira Cloud).")
    private String apiToken;
    @UriParam(label = "security", secret = true,
              description = "Bearer token: a Data Center personal access token or an OAuth 2.0 access token. Wins over basic auth.")
    private String accessToken;
    @UriParam(label = "security",
              description = "OAuth 1.0a consumer key (Jira Data Center application link). With privateKey and accessToken "
                            + "every request is signed with RSA-SHA1; OAuth 1.0a then wins over Bearer and basic auth.")
    private String consumerKey;
    @UriParam(label = "security", secret = true,
              description = "OAuth 1.0a: the consumer's RSA private key, PKCS#8 in base64 (use RAW(...) in URIs).")
    private String privateKey;
    @UriParam(label = "security", secret = true,
              description = "OAuth 1.0a: the verification code of the authorization step; sent as oauth_verifier with "
                            + "each request, like Apache camel-jira. Optional.")
    private String verificationCode;
    @UriParam(label = "security", description = "Custom TLS (trust store, key store, protocols) for the connection to Jira.")
    private SSLContextParameters sslContextParameters;

    // ---- proxy ----
    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "proxy", description = "User of an authenticating HTTP proxy.")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true, description = "Password of an authenticating HTTP proxy.")
    private String proxyPassword;

    // ---- advanced client ----
    @UriParam(label = "advanced", defaultValue = "camel-jira-connector", description = "User-Agent header sent to Jira.")
    private String userAgent = "camel-jira-connector";
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Connect timeout (milliseconds, or a duration such as 10s).")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Socket (read) timeout (milliseconds, or a duration such as 60s).")
    private long socketTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "20", description = "Maximum pooled connections to Jira.")
    private int maxConnections = 20;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "At most this many requests per second to Jira, evenly spaced, shared by every endpoint of the"
                            + " component that reaches the same Jira site as the same user (0: not paced). Set it a little"
                            + " below a known limit (a Data Center rate limit, a Cloud app's budget) so that parallel"
                            + " routes stay under it instead of meeting 429s. Paced or not, once Jira answers 429 with"
                            + " Retry-After, all those endpoints wait as asked.")
    private double maxRequestsPerSecond;
    @UriParam(label = "advanced", defaultValue = "3",
              description = "Retries of throttled (429/503), failed (5xx) and unreachable calls; POSTs whose outcome is unknown are never retried.")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "First backoff delay; it doubles per retry, with jitter.")
    private long initialRetryDelay = 500;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Longest wait between retries; when Jira asks for longer (Retry-After), the call fails at once with the delay in the error.")
    private long maxRetryDelay = 60_000;
    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration",
              description = "How long fields, issue types, create-meta, priorities and transitions stay cached per endpoint.")
    private long metadataCacheTtl = 600_000;
    @UriParam(label = "advanced",
              description = "A ready Jira client (a dev.cameljira.jira.client.JiraClient, e.g. #bean:myJiraClient) instead of "
                            + "one built from the connection options: jiraUrl, credentials, proxy, TLS, timeouts, connections "
                            + "and retries are then those of the client, which may be shared by several endpoints (and carries "
                            + "its own clock and retry sleeper). The endpoint does not close it: its owner does.")
    private JiraClient jiraClient;
    @UriParam(label = "advanced",
              description = "Metrics hook (a dev.cameljira.jira.client.JiraCallListener, e.g. one that feeds Micrometer): told "
                            + "about every call attempt to Jira (method, path with placeholders, status, duration), every "
                            + "retry wait (delay, rate-limited or not) and every webhook delivery the jira:webhook consumer "
                            + "refuses (reason). What it throws is logged at DEBUG and ignored.")
    private JiraCallListener callListener;

    // ---- producer defaults ----
    @UriParam(label = "producer", description = "Default project key (createIssue, getCreateMeta, project operations).")
    private String projectKey;
    @UriParam(label = "producer", description = "Default issue type name of createIssue, e.g. Task.")
    private String issueTypeName;
    @UriParam(label = "common", description = "Default JQL of searchIssues; for the polling consumers, which issues to watch "
                                             + "(parenthesised and combined with the poll window; its ORDER BY is ignored).")
    private String jql;
    @UriParam(label = "common", description = "Fields to return: comma-separated ids or names, or one of Jira's wildcards, an asterisk followed by "
                                             + "all (every field) or by navigable. Default for search and the polling consumers: the navigable "
                                             + "wildcard (the consumers add the fields they need).")
    private String fields;
    @UriParam(label = "common", description = "Jira expand parameter, e.g. changelog,renderedFields (updatedIssues always adds changelog).")
    private String expand;
    @UriParam(label = "common", defaultValue = "50", description = "Page size of searches and listings, and of the polling consumers' searches.")
    private int maxResults = 50;
    @UriParam(label = "producer", defaultValue = "0", description = "Maximum number of items a search returns in total; 0 for all.")
    private long limit;
    @UriParam(label = "producer", defaultValue = "true", description = "Whether Jira sends notifications for updateIssue.")
    private boolean notifyUsers = true;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether createIssue reads the created issue back (a second request, GET /issue/{key}) and returns it as "
                            + "Jira stored it (status, reporter, created, defaults filled in). false returns Jira's answer to the POST "
                            + "(id, key, self) with the fields that were sent, in one request: half the requests, for bulk loads and "
                            + "rate-limited sites.")
    private boolean readBack = true;
    @UriParam(label = "producer", defaultValue = "104857600",
              description = "Largest attachment getAttachmentContent downloads, in bytes (default 100 MB, at most 2147483639): "
                            + "the whole content is held in memory, as a byte array. A larger one fails with "
                            + "JiraContentTooLargeException before it is read (size from Jira's metadata or Content-Length) or as "
                            + "soon as the limit is passed while reading. The header CamelJiraMaxAttachmentSize overrides it per "
                            + "message.")
    private long maxAttachmentSize = 100L * 1024 * 1024;

    public JiraConfiguration copy() {
        try {
            return (JiraConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "JiraConfiguration[jiraUrl=" + jiraUrl + ", deployment=" + deployment + ", apiVersion=" + apiVersion
               + ", username=" + username + ", password=" + mask(password) + ", apiToken=" + mask(apiToken)
               + ", accessToken=" + mask(accessToken) + ", consumerKey=" + consumerKey + ", privateKey=" + mask(privateKey)
               + ", verificationCode=" + mask(verificationCode) + "]";
    }

    private static String mask(String s) {
        return s == null ? "null" : "xxxxxx";
    }

    public String getJiraUrl() {
        return jiraUrl;
    }

    public void setJiraUrl(String jiraUrl) {
        this.jiraUrl = jiraUrl;
    }

    public JiraDeployment getDeployment() {
        return deployment;
    }

    public void setDeployment(JiraDeployment deployment) {
        this.deployment = deployment;
    }

    public JiraApiVersion getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(JiraApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getConsumerKey() {
        return consumerKey;
    }

    public void setConsumerKey(String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public void setVerificationCode(String verificationCode) {
        this.verificationCode = verificationCode;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getInitialRetryDelay() {
        return initialRetryDelay;
    }

    public void setInitialRetryDelay(long initialRetryDelay) {
        this.initialRetryDelay = initialRetryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public long getMetadataCacheTtl() {
        return metadataCacheTtl;
    }

    public void setMetadataCacheTtl(long metadataCacheTtl) {
        this.metadataCacheTtl = metadataCacheTtl;
    }

    public JiraClient getJiraClient() {
        return jiraClient;
    }

    public void setJiraClient(JiraClient jiraClient) {
        this.jiraClient = jiraClient;
    }

    public JiraCallListener getCallListener() {
        return callListener;
    }

    public void setCallListener(JiraCallListener callListener) {
        this.callListener = callListener;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getIssueTypeName() {
        return issueTypeName;
    }

    public void setIssueTypeName(String issueTypeName) {
        this.issueTypeName = issueTypeName;
    }

    public String getJql() {
        return jql;
    }

    public void setJql(String jql) {
        this.jql = jql;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public long getLimit() {
        return limit;
    }

    public void setLimit(long limit) {
        this.limit = limit;
    }

    public boolean isNotifyUsers() {
        return notifyUsers;
    }

    public void setNotifyUsers(boolean notifyUsers) {
        this.notifyUsers = notifyUsers;
    }

    public boolean isReadBack() {
        return readBack;
    }

    public void setReadBack(boolean readBack) {
        this.readBack = readBack;
    }

    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }
}
