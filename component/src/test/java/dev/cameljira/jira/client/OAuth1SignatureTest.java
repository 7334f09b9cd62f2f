package dev.cameljira.jira.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameljira.sandbox.SandboxUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth 1.0a signing against RFC 5849: the signature base string of the RFC's own example (section 3.4.1.1), the
 * base string URI rules (3.4.1.2), percent-encoding (3.6), and an RSA-SHA1 signature that verifies with the public key.
 */
class OAuth1SignatureTest {

    @Test
    void baseStringOfRfc5849Section3411Example() {
        // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b, Host: example.com, body c2&a3=2+q; the body parameters join the
        // protocol parameters here because this client never signs form bodies.
        Map<String, String> params = new LinkedHashMap<>();
        params.put("oauth_consumer_key", "9djdj82h48djs9d2");
        params.put("oauth_token", "kkk9d7dh3k39sjv7");
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_timestamp", "137131201");
        params.put("oauth_nonce", "7d8f3e4a");
        params.put("c2", "");
        params.put("a3", "2 q");

        String base = OAuth1Signature.baseString("post", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", params);

        assertThat(base).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26"
                                   + "c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26"
                                   + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void baseStringUriFollowsSection3412() {
        assertThat(OAuth1Signature.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123"))).isEqualTo("http://example.com/r%20v/X");
        assertThat(OAuth1Signature.baseUri(URI.create("https://www.example.net:8080/?q=1"))).isEqualTo("https://www.example.net:8080/");
        assertThat(OAuth1Signature.baseUri(URI.create("https://jira.example.com:443"))).isEqualTo("https://jira.example.com/");
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(OAuth1Signature.encode("Ladies + Gentlemen")).isEqualTo("Ladies%20%2B%20Gentlemen");
        assertThat(OAuth1Signature.encode("An encoded string!")).isEqualTo("An%20encoded%20string%21");
        assertThat(OAuth1Signature.encode("Dogs, Cats & Mice")).isEqualTo("Dogs%2C%20Cats%20%26%20Mice");
        assertThat(OAuth1Signature.encode("-._~☃")).isEqualTo("-._~%E2%98%83");
    }

    @Test
    void rsaSha1HeaderCarriesTheParametersAndASignatureTheConsumersPublicKeyVerifies() throws Exception {
        JiraAuth.OAuth1 auth = (JiraAuth.OAuth1) JiraAuth.oauth1("consumer", SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64,
                "token 1", "verifier");
        String url = "https://jira.example.com/rest/api/2/search?jql=project%20%3D%20DEMO&maxResults=5";

        String header = auth.authorizationHeader("GET", url, "abc123", 1_700_000_000L);

        assertThat(header).startsWith("OAuth ");
        Map<String, String> p = parse(header.substring(6));
        assertThat(p).containsEntry("oauth_consumer_key", "consumer")
                .containsEntry("oauth_token", "token 1")
                .containsEntry("oauth_verifier", "verifier")
                .containsEntry("oauth_signature_method", "RSA-SHA1")
                .containsEntry("oauth_timestamp", "1700000000")
                .containsEntry("oauth_nonce", "abc123")
                .containsEntry("oauth_version", "1.0");
        Map<String, String> signed = new LinkedHashMap<>(p);
        String signature = signed.remove("oauth_signature");
        String base = OAuth1Signature.baseString("GET", url, signed);
        assertThat(base).startsWith("GET&https%3A%2F%2Fjira.example.com%2Frest%2Fapi%2F2%2Fsearch&jql%3Dproject%2520%253D%2520DEMO%26maxResults%3D5%26");
        assertThat(verifies(base, signature)).isTrue();
        assertThat(verifies(OAuth1Signature.baseString("POST", url, signed), signature)).as("the method is signed").isFalse();
        assertThat(verifies(OAuth1Signature.baseString("GET", url.replace("DEMO", "OTHER"), signed), signature))
                .as("the query is signed").isFalse();
    }

    @Test
    void eachRequestGetsAFreshNonce() {
        JiraAuth auth = JiraAuth.oauth1("consumer", SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64, "token", null);
        Map<String, String> a = parse(auth.authorizationHeader("GET", "http://h/x").substring(6));
        Map<String, String> b = parse(auth.authorizationHeader("GET", "http://h/x").substring(6));
        assertThat(a.get("oauth_nonce")).isNotEqualTo(b.get("oauth_nonce"));
        assertThat(a).doesNotContainKey("oauth_verifier");
    }

    @Test
    void toStringAndDescribeNeverShowTheKeyOrToken() {
        JiraAuth auth = JiraAuth.oauth1("consumer", SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64, "secret-token", "secret-verifier");
        assertThat(auth.toString()).contains("consumer").doesNotContain("secret-token").doesNotContain("secret-verifier")
                .doesNotContain(SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64.substring(40, 80)).doesNotContain("RSA private");
        assertThat(auth.describe()).contains("OAuth 1.0a").contains("'consumer'").doesNotContain("secret");
    }

    @Test
    void aBadPrivateKeyIsAClearErrorWithoutTheKey() {
        String notBase64 = "not*base64*key";
        assertThatThrownBy(() -> JiraAuth.oauth1("c", notBase64, "t", null)).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("privateKey is not base64").hasMessageNotContaining(notBase64);
        String notPkcs8 = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> JiraAuth.oauth1("c", notPkcs8, "t", null)).isInstanceOf(JiraInvalidInputException.class)
                .hasMessageContaining("PKCS#8").hasMessageNotContaining(notPkcs8);
    }

    @Test
    void pemArmourAroundTheKeyIsAccepted() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + SandboxUsers.OAUTH_PRIVATE_KEY_PKCS8_BASE64.replaceAll("(.{64})", "$1\n")
                     + "\n-----END PRIVATE KEY-----\n";
        assertThat(OAuth1Signature.parsePrivateKey(pem).getAlgorithm()).isEqualTo("RSA");
    }

    private static boolean verifies(String base, String signatureBase64) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(SandboxUsers.OAUTH_PUBLIC_KEY_X509_BASE64)));
        Signature sig = Signature.getInstance("SHA1withRSA");
        sig.initVerify(key);
        sig.update(base.getBytes(StandardCharsets.UTF_8));
        return sig.verify(Base64.getDecoder().decode(signatureBase64));
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([a-z_]+)=\"([^\"]*)\"").matcher(params);
        while (m.find()) {
            out.put(m.group(1), URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }
}
