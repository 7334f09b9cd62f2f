package dev.cameljira.jira.consumer.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Jira admin webhooks with a secret: header {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body>}. Verification works on the raw bytes and compares in constant time. Thread-safe; the secret never appears in
 * {@link #toString()}.
 */
public final class WebhookSignature {

    /** The header Jira signs deliveries with. */
    public static final String HEADER = "X-Hub-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    /** One initialised Mac per thread: Mac.getInstance looks up the provider and init derives the key pads each time. */
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the shared secret of the webhook
     * @throws IllegalArgumentException when the secret is empty
     */
    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The header value Jira would send for {@code body}: {@code sha256=<hex>}. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(body));
    }

    /** Signs {@code body} with {@code secret}: the value of {@link #HEADER} Jira sends. */
    public static String sign(String secret, byte[] body) {
        return new WebhookSignature(secret).sign(body);
    }

    /**
     * Whether {@code headerValue} is a valid signature of {@code body}. Null, other algorithms and malformed hex are
     * invalid; the comparison of the digests takes the same time wherever they differ.
     */
    public boolean verify(String headerValue, byte[] body) {
        if (headerValue == null) {
            return false;
        }
        String v = headerValue.trim();
        if (!v.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        // doFinal leaves the Mac reset for the next body; a Mac that threw mid-way is replaced
        Mac mac = macs.get();
        try {
            return mac.doFinal(body);
        } catch (RuntimeException e) {
            macs.remove();
            throw e;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[" + ALGORITHM + "]";
    }
}
