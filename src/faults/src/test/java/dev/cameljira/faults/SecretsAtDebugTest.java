package dev.cameljira.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.cameljira.jira.JiraComponent;
import dev.cameljira.jira.JiraConfiguration;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.jira.client.JiraException;
import dev.cameljira.sandbox.Faults;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole suite runs with the root, {@code dev.cameljira} and {@code org.apache.camel} loggers at DEBUG, into
 * {@code target/faults-debug.log} (simplelogger.properties, surefire). This class runs last (ClassOrderer
 * OrderAnnotation, junit-platform.properties): it first calls Jira with every kind of credential (basic with an API token
 * or a password, a personal access token, OAuth 1.0a; right and wrong) under random faults, then reads every line the
 * suite logged, every exception message (with causes) the suite caught, and every endpoint URI of every CamelContext it
 * ran: no token, password, webhook secret, OAuth token or key, or basic-auth base64 appears in any of them.
 *
 * <p>One logger stays at INFO: Apache HttpClient's wire log ({@code org.apache.hc.client5.http.wire}), a dump of the raw
 * bytes that carries the Authorization header whatever the component does (see simplelogger.properties). Its header
 * log is at DEBUG, and checked.
 */
@Order(Integer.MAX_VALUE)
class SecretsAtDebugTest {

    @Test
    void noSecretInAnyLogLineExceptionMessageOrEndpointUri() throws Exception {
        SuiteSecrets.ran(getClass());
        try (JiraSandbox cloud = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
             JiraSandbox server = JiraSandbox.start(JiraSandbox.Mode.SERVER)) {
            String cloudKey = cloud.admin().createIssue("DEMO", "Task", "Secrets at DEBUG");
            String serverKey = server.admin().createIssue("DEMO", "Task", "Secrets at DEBUG");
            for (JiraSandbox s : List.of(cloud, server)) {
                s.admin().faults().retryAfterSeconds(0).randomFaults(0.3, 11L, "/rest/", Duration.ofMillis(10),
                        Faults.RandomFault.values());
            }
            // right credentials: the calls complete, through retries that are logged at DEBUG
            readWith(cloud, cloudKey, c -> {
                c.setUsername(SandboxUsers.ADMIN_EMAIL);
                c.setApiToken(SandboxUsers.ADMIN_TOKEN);
            }, null);
            readWith(server, serverKey, c -> {
                c.setUsername(SandboxUsers.ADMIN_NAME);
                c.setPassword(SandboxUsers.ADMIN_TOKEN);
            }, null);
            readWith(server, serverKey, c -> c.setAccessToken(SandboxUsers.ADMIN_TOKEN), null);
            readWith(server, serverKey, c -> {
                c.setConsumerKey(SandboxUsers.OAUTH_CONSUMER_KEY);
                c.setPrivateKey(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64);
                c.setAccessToken(SandboxUsers.OAUTH_ACCESS_TOKEN);
            }, null);
            // wrong ones: refused with a typed error that names neither
            readWith(cloud, cloudKey, c -> {
                c.setUsername(SandboxUsers.ADMIN_EMAIL);
                c.setApiToken(SuiteSecrets.WRONG_TOKEN);
            }, JiraAuthenticationException.class);
            readWith(server, serverKey, c -> {
                c.setUsername(SandboxUsers.ADMIN_NAME);
                c.setPassword(SuiteSecrets.WRONG_TOKEN);
            }, JiraAuthenticationException.class);
            readWith(cloud, cloudKey, c -> c.setAccessToken(SuiteSecrets.WRONG_TOKEN), JiraAuthenticationException.class);
        }

        Path logFile = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/faults-debug.log"));
        assertThat(logFile).as("the suite's DEBUG log (set by surefire)").exists();
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        System.out.printf("SecretsAtDebugTest: %d log lines, %d exception texts, %d endpoint URIs checked; classes run: %s%n",
                lines.size(), SuiteSecrets.exceptions().size(), SuiteSecrets.rawUris().size(), SuiteSecrets.classesRun());

        assertThat(lines).as("the log is at DEBUG for the component and Camel")
                .anyMatch(l -> l.contains(" DEBUG dev.cameljira.jira."))
                .anyMatch(l -> l.contains(" DEBUG org.apache.camel."));
        assertThat(lines).as("the retries under faults were logged").anyMatch(l -> l.contains("retry 1 of"));
        assertThat(lines).as("HttpClient's request headers are logged (the Authorization header masked)")
                .anyMatch(l -> l.contains("org.apache.hc.client5.http.headers") && l.contains("Authorization: Basic xxxxxx"))
                .anyMatch(l -> l.contains("org.apache.hc.client5.http.headers") && l.contains("Authorization: Bearer xxxxxx"))
                .anyMatch(l -> l.contains("org.apache.hc.client5.http.headers") && l.contains("Authorization: OAuth xxxxxx"));
        List<String> secrets = SuiteSecrets.all();
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String secret : secrets) {
                if (lines.get(i).contains(secret)) {
                    leaks.add("log line " + (i + 1) + " has " + mask(secret) + ": " + lines.get(i).replace(secret, "<SECRET>"));
                }
            }
        }
        for (String text : SuiteSecrets.exceptions()) {
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    leaks.add("an exception has " + mask(secret) + ": " + text.replace(secret, "<SECRET>"));
                }
            }
        }
        for (String uri : SuiteSecrets.printedUris()) {
            for (String secret : secrets) {
                if (uri.contains(secret)) {
                    leaks.add("an endpoint prints " + mask(secret) + ": " + uri.replace(secret, "<SECRET>"));
                }
            }
        }
        for (String uri : SuiteSecrets.rawUris()) {
            for (String secret : SuiteSecrets.jiraCredentials()) {
                if (uri.contains(secret)) {
                    leaks.add("an endpoint URI has the component's credential " + mask(secret) + ": " + uri.replace(secret, "<SECRET>"));
                }
            }
        }
        assertThat(SuiteSecrets.exceptions()).as("exceptions were checked").isNotEmpty();
        assertThat(SuiteSecrets.rawUris()).as("endpoint URIs were checked").isNotEmpty();
        assertThat(leaks).as("secrets found").isEmpty();
    }

    /** Reads the issue with a component configured by {@code credentials}; expects success or {@code failure}. */
    private static void readWith(JiraSandbox sandbox, String key, Consumer<JiraConfiguration> credentials,
                                 Class<? extends JiraException> failure) throws IOException {
        CamelContext context = new DefaultCamelContext();
        JiraComponent jira = new JiraComponent();
        jira.getConfiguration().setJiraUrl(sandbox.baseUrl());
        jira.getConfiguration().setInitialRetryDelay(10);
        jira.getConfiguration().setMaxRetries(6);
        credentials.accept(jira.getConfiguration());
        context.addComponent("jira", jira);
        context.start();
        try {
            Exchange exchange = context.createProducerTemplate().send("jira:getIssue",
                    e -> e.getIn().setHeader(JiraConstants.ISSUE_KEY, key));
            if (exchange.getException() != null) {
                SuiteSecrets.exception(exchange.getException());
            }
            if (failure == null) {
                assertThat(exchange.getException()).as("reading %s from %s", key, sandbox.mode()).isNull();
            } else {
                assertThat(exchange.getException()).as("reading %s from %s", key, sandbox.mode()).isInstanceOf(failure);
            }
        } finally {
            SuiteSecrets.endpoints(context);
            context.stop();
        }
    }

    private static String mask(String secret) {
        return "a secret (" + secret.length() + " characters, starting " + secret.substring(0, Math.min(3, secret.length())) + ")";
    }
}
