package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A date operand, resolved against a {@link JqlContext} to an instant with MINUTE precision: literals are read in
 * the context's zone, and relative dates and functions count from its {@code now}; the result is truncated to the
 * minute in that zone.
 */
sealed interface DateValue {

    /** Listed when a date cannot be read, as Jira does. */
    String VALID_FORMATS = "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd',"
            + " or a period format e.g. '-5d', '4w 2d'.";

    /** The instant this value stands for in {@code context}, truncated to the minute in the context's zone. */
    Instant resolve(JqlContext context);

    /** {@code instant} truncated to the minute in {@code zone}: the precision of every JQL date comparison. */
    static Instant toMinute(Instant instant, ZoneId zone) {
        return instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES).toInstant();
    }

    /**
     * Reads a date literal: {@code yyyy-MM-dd HH:mm}, {@code yyyy/MM/dd HH:mm}, {@code yyyy-MM-dd}, {@code yyyy/MM/dd}
     * (a date alone means its midnight), or a period relative to now such as {@code -5d}, {@code 4w 2d},
     * {@code -1h 30m} (units {@code y M w d h m}; a leading sign applies to the whole period).
     *
     * @param field the field as written, for the error message
     */
    static DateValue parse(String text, String field) {
        String trimmed = text.trim();
        for (DateTimeFormatter format : Formats.DATE_TIMES) {
            try {
                return new Absolute(LocalDateTime.parse(trimmed, format));
            } catch (DateTimeParseException notThisFormat) {
                // next format
            }
        }
        for (DateTimeFormatter format : Formats.DATES) {
            try {
                return new Absolute(LocalDate.parse(trimmed, format).atStartOfDay());
            } catch (DateTimeParseException notThisFormat) {
                // next format
            }
        }
        return JqlPeriod.parse(trimmed, Optional.empty()).<DateValue>map(Relative::new).orElseThrow(() ->
                new JqlException("Date value '" + text + "' for field '" + field + "' is invalid. " + VALID_FORMATS));
    }

    /** Strict formats of date literals. */
    final class Formats {
        static final List<DateTimeFormatter> DATE_TIMES =
                List.of(strict("uuuu-MM-dd HH:mm"), strict("uuuu/MM/dd HH:mm"));
        static final List<DateTimeFormatter> DATES = List.of(strict("uuuu-MM-dd"), strict("uuuu/MM/dd"));

        private Formats() {
        }

        private static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        }
    }

    /** A wall-clock date and time in the searching user's zone. */
    record Absolute(LocalDateTime at) implements DateValue {
        @Override
        public Instant resolve(JqlContext context) {
            return DateValue.toMinute(at.atZone(context.zone()).toInstant(), context.zone());
        }
    }

    /** Now plus a period. */
    record Relative(JqlPeriod period) implements DateValue {
        @Override
        public Instant resolve(JqlContext context) {
            ZonedDateTime now = context.now().atZone(context.zone());
            return DateValue.toMinute(period.addTo(now).toInstant(), context.zone());
        }
    }

    /** {@code now()}, {@code startOfDay([increment])}, {@code endOfMonth([increment])} and the like. */
    record Function(DateFunction function, Optional<JqlPeriod> increment) implements DateValue {
        @Override
        public Instant resolve(JqlContext context) {
            ZonedDateTime now = context.now().atZone(context.zone());
            return DateValue.toMinute(function.apply(now, increment).toInstant(), context.zone());
        }
    }
}
