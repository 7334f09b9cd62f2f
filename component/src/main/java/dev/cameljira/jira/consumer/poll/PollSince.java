package dev.cameljira.jira.consumer.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.cameljira.jira.client.JiraInvalidInputException;
import dev.cameljira.jira.model.JiraIssue;

/**
 * The {@code since} option: where a first start picks up. {@code now}, a duration back ({@code -1h}, {@code -30m},
 * {@code -2d}, {@code -1h30m}, {@code -1w}, or ISO-8601 {@code -PT90M}), or a timestamp: with an offset
 * ({@code 2026-11-28T10:15:00Z}, {@code 2026-11-28T10:15:00+01:00}, Jira's {@code 2026-11-28T10:15:00.000+0100}) or
 * without one ({@code 2026-11-28T10:15}, {@code 2026-11-28 10:15}, {@code 2026-11-28}), read in the Jira user's time
 * zone. Relative values count from Jira's clock, not the local one.
 */
sealed interface PollSince {

    /** Listed in every error about since. */
    String FORMATS = "use now, a duration back such as -1h, -30m or -2d, or a timestamp such as 2026-11-28T10:15:00Z "
                     + "(without an offset it is read in the Jira user's time zone)";

    /** The instant this value stands for, given Jira's current time and the Jira user's zone. */
    Instant resolve(Instant jiraNow, ZoneId userZone);

    /** Whether resolving needs Jira's current time. */
    boolean relative();

    /** Now. */
    record Now() implements PollSince {
        @Override
        public Instant resolve(Instant jiraNow, ZoneId userZone) {
            return jiraNow;
        }

        @Override
        public boolean relative() {
            return true;
        }
    }

    /** A duration before now. */
    record Back(Duration duration) implements PollSince {
        @Override
        public Instant resolve(Instant jiraNow, ZoneId userZone) {
            return jiraNow.minus(duration);
        }

        @Override
        public boolean relative() {
            return true;
        }
    }

    /** A fixed instant. */
    record At(Instant instant) implements PollSince {
        @Override
        public Instant resolve(Instant jiraNow, ZoneId userZone) {
            return instant;
        }

        @Override
        public boolean relative() {
            return false;
        }
    }

    /** A wall-clock time in the Jira user's zone. */
    record Local(LocalDateTime dateTime) implements PollSince {
        @Override
        public Instant resolve(Instant jiraNow, ZoneId userZone) {
            return dateTime.atZone(userZone).toInstant();
        }

        @Override
        public boolean relative() {
            return false;
        }
    }

    /**
     * Reads the option.
     *
     * @throws JiraInvalidInputException naming the option and the accepted forms
     */
    static PollSince parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("now")) {
            return new Now();
        }
        String s = text.trim();
        PollSince parsed = Parsers.duration(s);
        if (parsed == null) {
            parsed = Parsers.timestamp(s);
        }
        if (parsed == null) {
            throw new JiraInvalidInputException("since '" + text + "' is not valid: " + FORMATS);
        }
        return parsed;
    }

    /** The parsing helpers. */
    final class Parsers {
        private static final Pattern PART = Pattern.compile("(\\d+)\\s*([smhdw])");
        private static final Pattern BACK = Pattern.compile("-\\s*((\\d+)\\s*[smhdw]\\s*)+");
        private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"), DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"));

        private Parsers() {
        }

        static PollSince duration(String s) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (BACK.matcher(lower).matches()) {
                Duration d = Duration.ZERO;
                Matcher m = PART.matcher(lower);
                while (m.find()) {
                    long n = Long.parseLong(m.group(1));
                    d = d.plus(switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(7 * n);
                    });
                }
                return new Back(d);
            }
            if (lower.startsWith("-p") || lower.startsWith("p")) {
                try {
                    Duration d = Duration.parse(s);
                    return new Back(d.abs());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            return null;
        }

        static PollSince timestamp(String s) {
            try {
                return new At(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException notIso) {
                // next form
            }
            OffsetDateTime jira = JiraIssue.date(TextNode.valueOf(s));
            if (jira != null) {
                return new At(jira.toInstant());
            }
            for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
                try {
                    return new Local(LocalDateTime.parse(s, f));
                } catch (DateTimeParseException notThis) {
                    // next form
                }
            }
            try {
                return new Local(LocalDate.parse(s).atStartOfDay());
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
