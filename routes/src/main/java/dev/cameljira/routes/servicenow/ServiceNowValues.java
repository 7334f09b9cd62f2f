package dev.cameljira.routes.servicenow;

import java.util.Locale;
import java.util.Map;
import java.util.List;

/**
 * The values of a stock ServiceNow incident table that the sync maps: {@code state} and {@code priority} are choice
 * fields stored as numbers; users may write their labels in the maps.
 */
public final class ServiceNowValues {
    /** Incident states (stored values). */
    public static final List<String> STATES = List.of("1", "2", "3", "6", "7", "8");
    /** Priorities (stored values). */
    public static final List<String> PRIORITIES = List.of("1", "2", "3", "4", "5");
    /** Resolved. */
    public static final String RESOLVED = "6";
    /** Closed. */
    public static final String CLOSED = "7";

    private static final Map<String, String> STATE_NAMES = Map.of("new", "1", "in progress", "2", "on hold", "3",
            "resolved", "6", "closed", "7", "canceled", "8", "cancelled", "8");
    private static final Map<String, String> PRIORITY_NAMES = Map.of("critical", "1", "high", "2", "moderate", "3",
            "low", "4", "planning", "5");

    private ServiceNowValues() {
    }

    /** "Resolved", "resolved" or "6" -> "6"; unknown text is returned trimmed (and then rejected by the caller). */
    public static String state(String text) {
        return normalize(text, STATE_NAMES);
    }

    /** "Critical", "1 - Critical" or "1" -> "1". */
    public static String priority(String text) {
        return normalize(text, PRIORITY_NAMES);
    }

    private static String normalize(String text, Map<String, String> names) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("\\d+\\s*-.*")) {
            return lower.substring(0, lower.indexOf('-')).trim();
        }
        return names.getOrDefault(lower, t);
    }

    /** The impact and urgency that give {@code priority} on a stock instance (priority = impact + urgency - 1). */
    public static String[] impactAndUrgency(String priority) {
        return switch (priority) {
            case "1" -> new String[] {"1", "1"};
            case "2" -> new String[] {"1", "2"};
            case "3" -> new String[] {"2", "2"};
            case "4" -> new String[] {"2", "3"};
            default -> new String[] {"3", "3"};
        };
    }
}
