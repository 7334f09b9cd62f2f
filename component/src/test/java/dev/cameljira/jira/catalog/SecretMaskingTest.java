package dev.cameljira.jira.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.cameljira.jira.JiraEndpoint;
import dev.cameljira.jira.client.JiraAuthenticationException;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets given in endpoint URIs (password, apiToken, accessToken, proxyPassword, also as RAW(...)) never show where
 * Camel prints an endpoint: its toString(), the sanitized URI, the endpoint registry, error messages.
 */
class SecretMaskingTest extends StartedContextTestSupport {

    private static final String URL = "jiraUrl=http://127.0.0.1:1";
    private static final Map<String, String> URIS = Map.of(
            "PW-secret-1", "jira:getIssue?" + URL + "&username=someone&password=PW-secret-1",
            "API-secret-2", "jira:getIssue?" + URL + "&username=someone@example.com&apiToken=API-secret-2",
            "ACC-secret-3", "jira://getIssue?" + URL + "&accessToken=ACC-secret-3",
            "PROXY-secret-4", "jira:getIssue?" + URL + "&proxyHost=127.0.0.1&proxyPort=3128&proxyUsername=p&proxyPassword=PROXY-secret-4",
            "RAW+secret&5", "jira:getIssue?" + URL + "&username=someone&password=RAW(RAW+secret&5)");

    @Test
    void endpointsPrintWithoutTheirSecrets() {
        List<String> printed = new ArrayList<>();
        URIS.forEach((secret, uri) -> {
            Endpoint e = context.getEndpoint(uri);
            assertThat(e).isInstanceOf(JiraEndpoint.class);
            assertThat(e.toString()).as("toString of %s", uri).doesNotContain(secret).contains("xxxxxx");
            assertThat(URISupport.sanitizeUri(e.getEndpointUri())).as("sanitized URI of %s", uri).doesNotContain(secret);
            assertThat(((JiraEndpoint) e).getConfiguration().toString()).doesNotContain(secret);
            printed.add(e.toString());
        });
        context.getEndpointRegistry().forEach((key, endpoint) -> {
            printed.add(URISupport.sanitizeUri(key.toString()));
            printed.add(String.valueOf(endpoint));
        });
        context.getEndpoints().forEach(e -> printed.add(e.toString()));
        assertThat(printed).hasSizeGreaterThanOrEqualTo(3 * URIS.size());
        for (String secret : URIS.keySet()) {
            assertThat(printed).as("what Camel prints of the endpoints").noneMatch(p -> p.contains(secret));
        }
    }

    @Test
    void invalidUriErrorDoesNotShowThePassword() {
        assertThatThrownBy(() -> context.getEndpoint("jira:frobnicate?" + URL + "&username=u&password=PW-secret-6"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageNotContaining("PW-secret-6");
    }

    @Test
    void rejectedCredentialsDoNotShowInTheError() throws Exception {
        try (JiraSandbox sandbox = JiraSandbox.builder().mode(JiraSandbox.Mode.CLOUD).build()) {
            String wrong = "WRONG-secret-7";
            ProducerTemplate template = context.createProducerTemplate();
            Exchange ex = template.send("jira:getIssue?jiraUrl=" + sandbox.baseUrl() + "&username=" + SandboxUsers.ADMIN_EMAIL
                                        + "&password=" + wrong + "&maxRetries=0",
                    e -> e.getIn().setHeader("IssueKey", "DEMO-1"));
            assertThat(ex.getException()).isInstanceOf(JiraAuthenticationException.class);
            String basic = Base64.getEncoder().encodeToString((SandboxUsers.ADMIN_EMAIL + ":" + wrong)
                    .getBytes(StandardCharsets.UTF_8));
            for (Throwable t = ex.getException(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t)).doesNotContain(wrong).doesNotContain(basic);
            }
        }
    }
}
