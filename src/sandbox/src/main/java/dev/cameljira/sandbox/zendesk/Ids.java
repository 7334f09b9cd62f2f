package dev.cameljira.sandbox.zendesk;

import java.security.SecureRandom;
import java.time.Clock;

/** Random identifiers shaped like Zendesk's: ULID-like ids for webhooks and invocations, signing secrets. */
final class Ids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** 26 characters: 10 of millisecond time, 16 random, Crockford base 32 (e.g. {@code 01GJ3C4W9T6R0X2M5N8P7Q1S3V}). */
    static String ulid(Clock clock) {
        char[] id = new char[26];
        long time = clock.millis();
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            id[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return new String(id);
    }

    /** A fresh signing secret: 32 random bytes, Base64 (URL-safe, no padding). */
    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
