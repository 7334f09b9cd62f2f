package dev.cameljira.routes.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker a synced comment ends with: {@code [sync:zendesk:987]} says "copied from Zendesk comment 987". The sync
 * never copies a comment that carries a marker (it came from the sync), and never copies a comment twice (the target
 * already has a comment with its marker). Wiki markup escapes brackets, so the reader accepts {@code \[sync:...\]}.
 */
public final class Markers {
    private static final Pattern MARKER = Pattern.compile("\\\\?\\[sync:([a-z]+):([A-Za-z0-9._-]+)\\\\?]");

    /** Where a synced comment came from. */
    public record Origin(String system, String commentId) {
    }

    private Markers() {
    }

    /** The marker for a comment copied from {@code system}'s comment {@code id}. */
    public static String of(String system, String commentId) {
        return "[sync:" + system + ":" + commentId + "]";
    }

    /** The origin named by the last marker in {@code text}, if any. */
    public static Optional<Origin> find(String text) {
        if (text == null || text.indexOf("sync:") < 0) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(text);
        Origin last = null;
        while (m.find()) {
            last = new Origin(m.group(1), m.group(2));
        }
        return Optional.ofNullable(last);
    }

    /** Whether the text carries a marker. */
    public static boolean isSynced(String text) {
        return find(text).isPresent();
    }

    /**
     * The body of a copied comment: "Jane Doe (Zendesk): text", a blank line and the marker.
     */
    public static String body(String author, String systemName, String text, String systemKey, String commentId) {
        String t = text == null ? "" : text.strip();
        return author + " (" + systemName + "): " + t + "\n\n" + of(systemKey, commentId);
    }
}
