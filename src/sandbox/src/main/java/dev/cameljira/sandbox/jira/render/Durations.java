package dev.cameljira.sandbox.jira.render;

import dev.cameljira.sandbox.http.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jira durations ("1w 2d 3h 30m"; 1d = 8h, 1w = 5d). */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([wdhm])");

    private Durations() {
    }

    /** Parses "3h 30m" into seconds, or a 400 naming the field. */
    public static long parse(String text, String field) {
        String s = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            throw ApiException.field(field, "Worklog must not be null.");
        }
        Matcher m = PART.matcher(s);
        int end = 0;
        double seconds = 0;
        while (m.find()) {
            if (!s.substring(end, m.start()).isBlank()) {
                throw ApiException.field(field, "Invalid time duration entered.");
            }
            double n = Double.parseDouble(m.group(1));
            seconds += switch (m.group(2)) {
                case "w" -> n * 5 * 8 * 3600;
                case "d" -> n * 8 * 3600;
                case "h" -> n * 3600;
                default -> n * 60;
            };
            end = m.end();
        }
        if (end == 0 || !s.substring(end).isBlank()) {
            throw ApiException.field(field, "Invalid time duration entered.");
        }
        return Math.round(seconds);
    }

    /** Formats seconds as Jira does ("1d 2h", "30m"). */
    public static String format(long seconds) {
        long minutes = seconds / 60;
        long w = minutes / (5 * 8 * 60);
        minutes -= w * 5 * 8 * 60;
        long d = minutes / (8 * 60);
        minutes -= d * 8 * 60;
        long h = minutes / 60;
        long m = minutes - h * 60;
        StringBuilder sb = new StringBuilder();
        append(sb, w, "w");
        append(sb, d, "d");
        append(sb, h, "h");
        append(sb, m, "m");
        return sb.length() == 0 ? "0m" : sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n > 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(n).append(unit);
        }
    }
}
