package dev.cameljira.sandbox.jira;

import dev.cameljira.sandbox.SandboxUsers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Verifies OAuth 1.0a RSA-SHA1 request signatures (RFC 5849), as Jira Data Center does for application links: the
 * seeded consumer {@link SandboxUsers#OAUTH_CONSUMER_KEY} signs with the private key whose public half is
 * {@link SandboxUsers#OAUTH_PUBLIC_KEY_X509_BASE64}; the access token {@link SandboxUsers#OAUTH_ACCESS_TOKEN} is the
 * administrator's. Timestamps and nonces are not checked (no replay protection: a test emulator).
 */
final class OAuth1Verifier {

    private static final PublicKey CONSUMER_KEY = publicKey(SandboxUsers.OAUTH_PUBLIC_KEY_X509_BASE64);

    private OAuth1Verifier() {
    }

    /**
     * The access token of a correctly signed request, or empty when the header is malformed, the consumer unknown, the
     * method not RSA-SHA1 or the signature wrong.
     *
     * @param credentials the header value after {@code OAuth }
     * @param method      the HTTP method
     * @param url         the request URL as the client addressed it (scheme, host, port, raw path)
     * @param query       the decoded query parameters
     */
    static Optional<String> verify(String credentials, String method, String url, Map<String, List<String>> query) {
        Map<String, String> oauth = parseHeader(credentials);
        if (oauth == null || !SandboxUsers.OAUTH_CONSUMER_KEY.equals(oauth.get("oauth_consumer_key"))
            || !"RSA-SHA1".equals(oauth.get("oauth_signature_method")) || oauth.get("oauth_signature") == null
            || oauth.get("oauth_token") == null) {
            return Optional.empty();
        }
        List<String[]> params = new ArrayList<>();
        query.forEach((k, vs) -> vs.forEach(v -> params.add(new String[] { k, v })));
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) {
                params.add(new String[] { k, v });
            }
        });
        String normalized = params.stream()
                .map(p -> new String[] { encode(p[0]), encode(p[1]) })
                .sorted((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(url)) + "&" + encode(normalized);
        try {
            Signature sig = Signature.getInstance("SHA1withRSA");
            sig.initVerify(CONSUMER_KEY);
            sig.update(base.getBytes(StandardCharsets.UTF_8));
            return sig.verify(Base64.getDecoder().decode(oauth.get("oauth_signature")))
                    ? Optional.of(oauth.get("oauth_token")) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code name="value", ...} with percent-encoded values; null when malformed. */
    static Map<String, String> parseHeader(String credentials) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : credentials.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String value = p.substring(eq + 1).trim();
            if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
                return null;
            }
            try {
                result.put(decode(p.substring(0, eq).trim()), decode(value.substring(1, value.length() - 1)));
            } catch (IllegalArgumentException e) {
                return null; // a malformed percent-escape (oauth_signature="%zz") is a malformed header: a 401
            }
        }
        return result;
    }

    private static String baseUri(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + uri.getRawPath();
    }

    /** RFC 5849 section 3.6 percent-encoding. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append(String.format("%%%02X", c));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad sandbox OAuth public key", e);
        }
    }
}
