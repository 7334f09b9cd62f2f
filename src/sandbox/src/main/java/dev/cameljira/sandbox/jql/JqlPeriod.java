package dev.cameljira.sandbox.jql;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JQL period such as {@code -5d}, {@code 4w 2d} or {@code +1M}: units {@code y} (years), {@code M} (months),
 * {@code w} (weeks), {@code d} (days), {@code h} (hours), {@code m} (minutes). A leading sign applies to the whole
 * period. Added in the calendar of the zone it is applied in.
 */
record JqlPeriod(boolean negative, List<Part> parts) {

    /** Parts need a unit, except a lone number; every digit run ends at a unit, so matching stays linear. */
    private static final Pattern WHOLE =
            Pattern.compile("([+-])?\\s*(\\d{1,9}\\s*[yMwdhm](?:\\s*\\d{1,9}\\s*[yMwdhm])*|\\d{1,9})");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*([yMwdhm]?)");
    private static final Map<String, ChronoUnit> UNITS = Map.of("y", ChronoUnit.YEARS, "M", ChronoUnit.MONTHS,
            "w", ChronoUnit.WEEKS, "d", ChronoUnit.DAYS, "h", ChronoUnit.HOURS, "m", ChronoUnit.MINUTES);

    JqlPeriod {
        parts = List.copyOf(parts);
    }

    /** One amount of one unit. */
    record Part(long amount, ChronoUnit unit) {
    }

    /**
     * Reads a period; a number without unit takes {@code defaultUnit} (functions' increments) and is invalid without
     * one (date literals).
     */
    static Optional<JqlPeriod> parse(String text, Optional<ChronoUnit> defaultUnit) {
        Matcher whole = WHOLE.matcher(text.trim());
        if (!whole.matches()) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        Matcher part = PART.matcher(whole.group(2));
        while (part.find()) {
            Optional<ChronoUnit> unit = part.group(2).isEmpty() ? defaultUnit
                    : Optional.of(UNITS.get(part.group(2)));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            parts.add(new Part(Long.parseLong(part.group(1)), unit.get()));
        }
        return Optional.of(new JqlPeriod("-".equals(whole.group(1)), parts));
    }

    /** {@code time} moved by this period. */
    ZonedDateTime addTo(ZonedDateTime time) {
        ZonedDateTime result = time;
        for (Part part : parts) {
            result = negative ? result.minus(part.amount(), part.unit()) : result.plus(part.amount(), part.unit());
        }
        return result;
    }

    /** Whether every part is in {@code unit}. */
    boolean isOnly(ChronoUnit unit) {
        return parts.stream().allMatch(part -> part.unit() == unit);
    }
}
