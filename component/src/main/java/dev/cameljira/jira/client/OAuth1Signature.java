package dev.cameljira.jira.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OAuth 1.0a request signing (RFC 5849) with RSA-SHA1, the scheme of Jira Data Center's application links (and of
 * Apache camel-jira's {@code JiraOAuthAuthenticationHandler}). Pure functions: the signature base string
 * (section 3.4.1), percent-encoding (section 3.6), the RSA-SHA1 signature (section 3.4.3) and the
 * {@code Authorization: OAuth ...} header (section 3.5.1).
 */
public final class OAuth1Signature {

    /** The {@code oauth_signature_method} this class implements. */
    public static final String RSA_SHA1 = "RSA-SHA1";

    private OAuth1Signature() {
    }

    /**
     * The signature base string of a request: {@code METHOD&encode(base URI)&encode(normalized parameters)}, where
     * the parameters are the URL's query parameters plus the {@code oauth_*} protocol parameters (without
     * {@code oauth_signature}), each name and value percent-encoded, sorted by name then value, joined with {@code &}.
     *
     * @param method      the HTTP method (upper-cased here)
     * @param url         the full request URL, query included
     * @param oauthParams the protocol parameters, decoded
     */
    public static String baseString(String method, String url, Map<String, String> oauthParams) {
        URI uri = URI.create(url);
        List<String[]> params = new ArrayList<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.add(new String[] { decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1)) });
            }
        }
        oauthParams.forEach((k, v) -> params.add(new String[] { k, v }));
        String normalized = params.stream()
                .map(p -> new String[] { encode(p[0]), encode(p[1]) })
                .sorted((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalized);
    }

    /** Base string URI (section 3.4.1.2): lower-case scheme and host, default port dropped, no query or fragment. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 5849 section 3.6 percent-encoding: everything but {@code ALPHA DIGIT - . _ ~} is encoded, in upper-case hex. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The base64 RSA-SHA1 signature of a base string. */
    public static String sign(PrivateKey key, String baseString) {
        try {
            Signature sig = Signature.getInstance("SHA1withRSA");
            sig.initSign(key);
            sig.update(baseString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the OAuth 1.0a request with RSA-SHA1: " + e.getMessage(), e);
        }
    }

    /** The {@code Authorization} header value: {@code OAuth name="value", ...} with percent-encoded values. */
    public static String header(Map<String, String> oauthParamsWithSignature) {
        return "OAuth " + oauthParamsWithSignature.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=\"" + encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /**
     * Parses an RSA private key given as base64 PKCS#8 DER (the form Jira's OAuth documentation and Apache camel-jira
     * use); PEM armour ({@code -----BEGIN PRIVATE KEY-----}) and whitespace are tolerated. The message of a failure
     * never contains the key.
     */
    public static PrivateKey parsePrivateKey(String pkcs8Base64) {
        String body = pkcs8Base64.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new JiraInvalidInputException("privateKey is not base64 (expected a PKCS#8 RSA private key in base64)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new JiraInvalidInputException("privateKey is not a PKCS#8 RSA private key (convert a PKCS#1 key with "
                                                + "'openssl pkcs8 -topk8 -nocrypt')");
        }
    }
}
