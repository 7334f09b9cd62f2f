package dev.cameljira.jira.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraApiException;
import dev.cameljira.jira.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * proxyHost/proxyPort and proxy credentials: a WireMock server acting as a forward HTTP proxy ("browser proxying") in
 * front of the Cloud sandbox. The proxy's journal shows the absolute-URI requests it relayed, the sandbox shows they
 * arrived and stored the issue; an authenticating proxy's 407 challenge is answered with proxyUsername/proxyPassword.
 */
class ProxyTest extends SandboxPairSupport {

    private static final String PROXY_USER = "relay";
    private static final String PROXY_PASSWORD = "proxy-pw-0815";

    private WireMockServer proxy;

    @BeforeAll
    void startProxy() {
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").enableBrowserProxying(true));
        proxy.start();
    }

    @AfterAll
    void stopProxy() {
        proxy.stop();
    }

    @BeforeEach
    void forgetStubsAndRequests() {
        proxy.resetAll();
    }

    @Test
    void createIssueGoesThroughTheProxy() {
        String endpoint = uri("createIssue", cloud, adminBasic(cloud) + proxyOptions());

        JiraIssue issue = (JiraIssue) camel.call(endpoint, null, newIssue("Task", "Via proxy"));

        assertThat(cloud.admin().issue(issue.key()).at("/fields/summary").asText()).isEqualTo("Via proxy");
        List<ServeEvent> relayed = proxy.getAllServeEvents();
        assertThat(relayed).extracting(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getAbsoluteUrl())
                .contains("GET " + cloud.baseUrl() + "/rest/api/2/serverInfo", "POST " + cloud.baseUrl() + "/rest/api/3/issue");
        assertThat(relayed).allSatisfy(e -> assertThat(e.getRequest().isBrowserProxyRequest()).isTrue());
        assertThat(requests(cloud, "POST", "/rest/api/3/issue")).as("the sandbox got the relayed POST").hasSize(1);
        assertThat(cloud.admin().requests()).hasSameSizeAs(relayed);
    }

    @Test
    void anAuthenticatingProxyGetsProxyUsernameAndPassword() {
        requireProxyCredentials();
        String endpoint = uri("createIssue", cloud, adminBasic(cloud) + proxyOptions()
                                                    + "&proxyUsername=" + PROXY_USER + "&proxyPassword=" + PROXY_PASSWORD);

        JiraIssue issue = (JiraIssue) camel.call(endpoint, null, newIssue("Task", "Via authenticating proxy"));

        assertThat(cloud.admin().issue(issue.key()).at("/fields/summary").asText()).isEqualTo("Via authenticating proxy");
        List<ServeEvent> events = proxy.getAllServeEvents();
        assertThat(events).anySatisfy(e -> assertThat(e.getResponse().getStatus()).as("challenged first").isEqualTo(407));
        assertThat(events).filteredOn(e -> e.getResponse().getStatus() != 407)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getRequest().getHeader("Proxy-Authorization")).isEqualTo(proxyBasic(PROXY_PASSWORD)));
        assertThat(requests(cloud, "POST", "/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void theProxyChallengesOnceLaterCallsAnswerItUpFront() {
        requireProxyCredentials();
        String endpoint = uri("getIssue", cloud, adminBasic(cloud) + proxyOptions()
                                                 + "&proxyUsername=" + PROXY_USER + "&proxyPassword=" + PROXY_PASSWORD);
        String key = cloud.admin().createIssue("DEMO", "Task", "Read via proxy");

        for (int i = 0; i < 3; i++) {
            assertThat(((JiraIssue) camel.call(endpoint, null, Map.of(JiraConstants.ISSUE_KEY, key))).key()).isEqualTo(key);
        }

        assertThat(proxy.getAllServeEvents()).filteredOn(e -> e.getResponse().getStatus() == 407)
                .as("serverInfo + 3 GETs, one challenge: a body is never sent twice after that").hasSize(1);
        assertThat(cloud.admin().requests()).hasSize(4);
    }

    @Test
    void aWrongProxyPasswordFailsNamingTheProxyWithoutShowingThePassword() {
        requireProxyCredentials();
        String wrong = "not-the-proxy-pw";
        String endpoint = uri("createIssue", cloud, adminBasic(cloud) + proxyOptions() + "&deployment=cloud"
                                                    + "&proxyUsername=" + PROXY_USER + "&proxyPassword=" + wrong);

        Exchange ex = camel.send(endpoint, null, newIssue("Task", "never arrives"));

        assertThat(ex.getException()).isInstanceOf(JiraApiException.class)
                .hasMessageContaining("407")
                .hasMessageContaining("proxy")
                .hasMessageContaining("proxyPassword")
                .hasMessageNotContaining(wrong);
        assertThat(cloud.admin().requests()).as("nothing got past the proxy").isEmpty();
    }

    private String proxyOptions() {
        return "&proxyHost=127.0.0.1&proxyPort=" + proxy.port();
    }

    /** The proxy answers 407 unless the request carries the right Proxy-Authorization; then it relays it. */
    private void requireProxyCredentials() {
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", absent())
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"x\"")));
        proxy.stubFor(any(anyUrl()).withHeader("Proxy-Authorization", not(equalTo(proxyBasic(PROXY_PASSWORD))))
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"x\"")));
    }

    private static String proxyBasic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((PROXY_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
