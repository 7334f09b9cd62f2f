package dev.cameljira.jira.client;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the client authenticates. {@link #toString()} never reveals the secret.
 */
public sealed interface JiraAuth permits JiraAuth.Basic, JiraAuth.Bearer, JiraAuth.Anonymous, JiraAuth.OAuth1 {

    /** The value of the {@code Authorization} header, or null for none. */
    String authorizationHeader();

    /**
     * The value of the {@code Authorization} header of one request, or null for none. Schemes that sign the request
     * (OAuth 1.0a) need its method and full URL (query included); the others ignore them.
     */
    default String authorizationHeader(String method, String url) {
        return authorizationHeader();
    }

    /** Names the credential kind (and the user, which is no secret) for error messages. */
    String describe();

    /** Basic auth: Cloud e-mail + API token, or on-prem user name + password. */
    static JiraAuth basic(String username, String secret) {
        return new Basic(username, secret);
    }

    /** Bearer token: Data Center personal access token, or an OAuth 2.0 access token. */
    static JiraAuth bearer(String token) {
        return new Bearer(token);
    }

    /**
     * OAuth 1.0a with RSA-SHA1 (Jira Data Center application links; Apache camel-jira's OAuth): every request is
     * signed with the consumer's private key.
     *
     * @param consumerKey        the consumer key of the application link
     * @param privateKeyPkcs8    the consumer's RSA private key, PKCS#8 DER in base64
     * @param accessToken        the access token (sent as {@code oauth_token})
     * @param verificationCode   the verifier of the authorization step, sent as {@code oauth_verifier} like Apache
     *                           camel-jira did; null or blank to omit it
     */
    static JiraAuth oauth1(String consumerKey, String privateKeyPkcs8, String accessToken, String verificationCode) {
        return new OAuth1(consumerKey, OAuth1Signature.parsePrivateKey(privateKeyPkcs8), accessToken,
                verificationCode == null || verificationCode.isBlank() ? null : verificationCode);
    }

    static JiraAuth anonymous() {
        return new Anonymous();
    }

    /** Basic authentication. */
    record Basic(String username, String secret) implements JiraAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String authorizationHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "basic auth as '" + username + "'";
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", secret=xxxxxx]";
        }
    }

    /** Bearer authentication. */
    record Bearer(String token) implements JiraAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String authorizationHeader() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "bearer token (accessToken)";
        }

        @Override
        public String toString() {
            return "Bearer[token=xxxxxx]";
        }
    }

    /** No credentials. */
    record Anonymous() implements JiraAuth {
        @Override
        public String authorizationHeader() {
            return null;
        }

        @Override
        public String describe() {
            return "no credentials";
        }
    }

    /** OAuth 1.0a, RSA-SHA1: {@code Authorization: OAuth oauth_consumer_key=..., oauth_token=..., oauth_signature=...}. */
    record OAuth1(String consumerKey, PrivateKey privateKey, String token, String verifier) implements JiraAuth {

        private static final SecureRandom RANDOM = new SecureRandom();

        public OAuth1 {
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(token, "token");
        }

        /** Cannot sign without the request: use {@link #authorizationHeader(String, String)}. */
        @Override
        public String authorizationHeader() {
            throw new UnsupportedOperationException("OAuth 1.0a signs each request: call authorizationHeader(method, url)");
        }

        @Override
        public String authorizationHeader(String method, String url) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            return authorizationHeader(method, url, HexFormat.of().formatHex(nonce), System.currentTimeMillis() / 1000);
        }

        /** The header for a given nonce and timestamp (seconds since the epoch). */
        public String authorizationHeader(String method, String url, String nonce, long timestamp) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("oauth_consumer_key", consumerKey);
            p.put("oauth_nonce", nonce);
            p.put("oauth_signature_method", OAuth1Signature.RSA_SHA1);
            p.put("oauth_timestamp", Long.toString(timestamp));
            p.put("oauth_token", token);
            if (verifier != null) {
                p.put("oauth_verifier", verifier);
            }
            p.put("oauth_version", "1.0");
            String signature = OAuth1Signature.sign(privateKey, OAuth1Signature.baseString(method, url, p));
            p.put("oauth_signature", signature);
            return OAuth1Signature.header(p);
        }

        @Override
        public String describe() {
            return "OAuth 1.0a (RSA-SHA1) as consumer '" + consumerKey + "'";
        }

        @Override
        public String toString() {
            return "OAuth1[consumerKey=" + consumerKey + ", privateKey=xxxxxx, token=xxxxxx, verifier="
                   + (verifier == null ? "null" : "xxxxxx") + "]";
        }
    }
}
