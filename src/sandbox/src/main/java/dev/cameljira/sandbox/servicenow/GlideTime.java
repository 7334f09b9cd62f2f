package dev.cameljira.sandbox.servicenow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ServiceNow's date-time format: "yyyy-MM-dd HH:mm:ss", in UTC for stored values. */
final class GlideTime {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GlideTime() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses a stored value; null for "". */
    static Instant parse(String value) {
        return value == null || value.isEmpty() ? null : LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
    }

    /** Parses "yyyy-MM-dd HH:mm:ss" or "yyyy-MM-dd" (start of day). */
    static Optional<LocalDateTime> lenient(String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay());
            }
            return Optional.of(LocalDateTime.parse(value.trim(), FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
