package dev.cameljira.jira.connection;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.client.JiraOutcomeUnknownException;
import dev.cameljira.jira.client.JiraTransportException;
import dev.cameljira.jira.client.JiraCallListener;
import dev.cameljira.jira.model.JiraIssue;
import dev.cameljira.sandbox.spec.HttpExchangeRecord;
import dev.cameljira.sandbox.spec.JiraSpecValidator;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom TLS through Camel's {@code SSLContextParameters}: a Jira (WireMock) with a self-signed certificate made at test
 * time by the JDK's keytool is reached when the endpoint trusts that certificate ({@code sslContextParameters=#tls}),
 * and refused with a clear, unretried {@link JiraTransportException} naming the certificate problem when it does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomTlsTest {

    private static final String PASSWORD = "changeit";
    private static final String ISSUE = "/rest/api/3/issue/DEMO-1";

    @TempDir
    static Path dir;

    private Path keystore;
    private WireMockServer jira;
    private JiraSpecValidator spec;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private CamelFixture camel;

    @BeforeAll
    void startHttpsJira() throws Exception {
        keystore = dir.resolve("ks.p12");
        generateSelfSignedKeystore(keystore);
        spec = JiraSpecValidator.cloud();
        jira = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        jira.start();
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/serverInfo")).willReturn(json("{\"baseUrl\":\"" + baseUrl()
                + "\",\"version\":\"1001.0.0-SNAPSHOT\",\"versionNumbers\":[1001,0,0],\"deploymentType\":\"Cloud\","
                + "\"buildNumber\":100289,\"serverTitle\":\"Jira\"}")));
        jira.stubFor(get(urlPathEqualTo(ISSUE)).willReturn(json("{\"id\":\"10001\",\"key\":\"DEMO-1\",\"self\":\"" + baseUrl()
                + "/rest/api/3/issue/10001\",\"fields\":{\"summary\":\"Behind TLS\"}}")));
    }

    @AfterAll
    void stop() {
        if (jira != null) {
            jira.stop();
        }
    }

    @BeforeEach
    void context() {
        jira.resetRequests();
        sleeps.clear();
        camel = CamelFixture.start((context, component) -> {
            context.getRegistry().bind("tls", trusting(keystore));
            context.getRegistry().bind("recordSleeps", retryWaits(sleeps));
        });
    }

    @AfterEach
    void closeAndCheckSpec() {
        camel.close();
        assertThat(specViolations()).as("stubs and requests must match the Cloud spec").isEmpty();
    }

    @Test
    void anEndpointTrustingTheCertificateReachesJira() {
        String uri = endpoint("getIssue", "&sslContextParameters=#tls");

        JiraIssue issue = (JiraIssue) camel.call(uri, null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));

        assertThat(issue.summary()).isEqualTo("Behind TLS");
        assertThat(jira.getAllServeEvents()).extracting(e -> e.getRequest().getUrl())
                .containsExactlyInAnyOrder("/rest/api/2/serverInfo", ISSUE);
    }

    @Test
    void withoutTheTrustStoreTheCertificateIsRefusedClearlyAndNotRetried() {
        Exchange ex = camel.send(endpoint("getIssue", ""), null, Map.of(JiraConstants.ISSUE_KEY, "DEMO-1"));

        assertThat(ex.getException()).isInstanceOf(JiraTransportException.class)
                .hasMessageContaining("TLS handshake")
                .hasMessageContaining("PKIX")
                .hasMessageContaining("sslContextParameters");
        assertThat(sleeps).as("a certificate problem is not retried").isEmpty();
        assertThat(jira.getAllServeEvents()).as("no request got through").isEmpty();
    }

    @Test
    void aRefusedCertificateOnAPostIsNotAnUnknownOutcomeNothingWasSent() {
        Exchange ex = camel.send(endpoint("createIssue", "&deployment=cloud"), null, Map.of(JiraConstants.PROJECT_KEY, "DEMO",
                JiraConstants.ISSUE_TYPE_NAME, "Task", JiraConstants.SUMMARY, "never sent"));

        assertThat(ex.getException()).isInstanceOf(JiraTransportException.class)
                .isNotInstanceOf(JiraOutcomeUnknownException.class)
                .hasMessageContaining("nothing was sent");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    private String endpoint(String operation, String options) {
        return "jira:" + operation + "?jiraUrl=" + baseUrl() + "&username=admin@example.com&apiToken=tls-test-token"
               + "&callListener=#recordSleeps" + options;
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + jira.httpsPort();
    }

    private static SSLContextParameters trusting(Path p12) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + p12.toAbsolutePath());
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }

    private static void generateSelfSignedKeystore(Path p12) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "jira", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("keytool: %s", output).isZero();
        assertThat(Files.size(p12)).isPositive();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Every exchange WireMock served, checked against the Cloud spec. */
    private List<String> specViolations() {
        List<String> found = new ArrayList<>();
        for (ServeEvent e : jira.getAllServeEvents()) {
            URI uri = URI.create(e.getRequest().getUrl());
            Map<String, List<String>> query = new LinkedHashMap<>();
            e.getRequest().getQueryParams().forEach((k, v) -> query.put(k, v.values()));
            Map<String, List<String>> reqHeaders = new LinkedHashMap<>();
            for (HttpHeader h : e.getRequest().getHeaders().all()) {
                reqHeaders.put(h.key(), h.values());
            }
            Map<String, List<String>> respHeaders = new LinkedHashMap<>();
            for (HttpHeader h : e.getResponse().getHeaders().all()) {
                respHeaders.put(h.key(), h.values());
            }
            found.addAll(spec.validate(new HttpExchangeRecord(e.getRequest().getMethod().getName(), uri.getRawPath(), query,
                    reqHeaders, e.getRequest().getBody(), e.getResponse().getStatus(), respHeaders, e.getResponse().getBody())));
        }
        return found;
    }

    /** A call listener that records every retry wait the client schedules. */
    static JiraCallListener retryWaits(List<Duration> waits) {
        return new JiraCallListener() {
            @Override
            public void retryScheduled(String method, String operationPath, int status, Duration delay, boolean rateLimited) {
                waits.add(delay);
            }
        };
    }
}
