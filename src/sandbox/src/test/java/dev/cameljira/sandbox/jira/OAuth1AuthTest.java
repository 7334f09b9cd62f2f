package dev.cameljira.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox verifies OAuth 1.0a RSA-SHA1 signatures (RFC 5849) of the seeded consumer: a correctly signed request acts
 * as the administrator; a signature over another URL, another key or an unknown consumer or token is a 401.
 */
class OAuth1AuthTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static JiraSandbox jira;

    @BeforeAll
    static void start() {
        jira = JiraSandbox.start(JiraSandbox.Mode.SERVER);
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aCorrectlySignedRequestActsAsTheAdministrator() throws Exception {
        String url = jira.baseUrl() + "/rest/api/2/myself?expand=groups%2CapplicationRoles";
        HttpResponse<String> r = get(url, header("GET", url, SandboxUsers.OAUTH_CONSUMER_KEY, SandboxUsers.OAUTH_ACCESS_TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode me = MAPPER.readTree(r.body());
        assertThat(me.path("name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
    }

    @Test
    void aSignatureOverAnotherUrlIsRejected() throws Exception {
        String url = jira.baseUrl() + "/rest/api/2/myself?expand=groups";
        String signedForOther = header("GET", jira.baseUrl() + "/rest/api/2/myself", SandboxUsers.OAUTH_CONSUMER_KEY,
                SandboxUsers.OAUTH_ACCESS_TOKEN);
        assertThat(get(url, signedForOther).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownConsumerOrTokenIsRejected() throws Exception {
        String url = jira.baseUrl() + "/rest/api/2/myself";
        assertThat(get(url, header("GET", url, "someone-else", SandboxUsers.OAUTH_ACCESS_TOKEN)).statusCode()).isEqualTo(401);
        assertThat(get(url, header("GET", url, SandboxUsers.OAUTH_CONSUMER_KEY, "other-token")).statusCode()).isEqualTo(401);
        assertThat(get(url, "OAuth oauth_consumer_key=\"" + SandboxUsers.OAUTH_CONSUMER_KEY + "\", garbage").statusCode())
                .isEqualTo(401);
        assertThat(get(url, "OAuth oauth_consumer_key=\"" + SandboxUsers.OAUTH_CONSUMER_KEY + "\", oauth_signature=\"%zz\"")
                .statusCode()).as("a malformed percent-escape is a malformed header, not a 500").isEqualTo(401);
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs like RFC 5849 section 3.4: base string of method, base URI and sorted, encoded query + protocol params. */
    private static String header(String method, String url, String consumer, String token) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("oauth_consumer_key", consumer);
        p.put("oauth_nonce", Long.toHexString(System.nanoTime()));
        p.put("oauth_signature_method", "RSA-SHA1");
        p.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        p.put("oauth_token", token);
        p.put("oauth_version", "1.0");
        URI uri = URI.create(url);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        List.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
            }
        }
        String normalized = Stream.concat(
                query.entrySet().stream().map(e -> OAuth1Verifier.encode(e.getKey()) + "=" + OAuth1Verifier.encode(e.getValue().get(0))),
                p.entrySet().stream().map(e -> OAuth1Verifier.encode(e.getKey()) + "=" + OAuth1Verifier.encode(e.getValue())))
                .sorted().collect(Collectors.joining("&"));
        String base = method + "&" + OAuth1Verifier.encode(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath())
                      + "&" + OAuth1Verifier.encode(normalized);
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64)));
        Signature sig = Signature.getInstance("SHA1withRSA");
        sig.initSign(key);
        sig.update(base.getBytes(StandardCharsets.UTF_8));
        p.put("oauth_signature", Base64.getEncoder().encodeToString(sig.sign()));
        return "OAuth " + p.entrySet().stream().map(e -> e.getKey() + "=\"" + OAuth1Verifier.encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }
}
