package dev.cameljira.sandbox.jql;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * JQL date functions. {@code startOfX(inc)} is the start of the current X moved by {@code inc}; {@code endOfX(inc)} is
 * the last millisecond of the current X (hence, at minute precision, its last minute) moved by {@code inc}, except
 * that an increment in X's own unit moves to the end of that other X ({@code endOfMonth(-1)} is the end of last
 * month). A bare number as increment counts in X's unit. Weeks start on Monday (ISO), whatever the user's locale.
 */
enum DateFunction {
    NOW("now", ChronoUnit.MINUTES, UnaryOperator.identity()),
    START_OF_DAY("startOfDay", ChronoUnit.DAYS, t -> t.truncatedTo(ChronoUnit.DAYS)),
    END_OF_DAY("endOfDay", ChronoUnit.DAYS, t -> t.truncatedTo(ChronoUnit.DAYS)),
    START_OF_WEEK("startOfWeek", ChronoUnit.WEEKS, DateFunction::mondayOf),
    END_OF_WEEK("endOfWeek", ChronoUnit.WEEKS, DateFunction::mondayOf),
    START_OF_MONTH("startOfMonth", ChronoUnit.MONTHS,
            t -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfMonth())),
    END_OF_MONTH("endOfMonth", ChronoUnit.MONTHS,
            t -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfMonth())),
    START_OF_YEAR("startOfYear", ChronoUnit.YEARS,
            t -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfYear())),
    END_OF_YEAR("endOfYear", ChronoUnit.YEARS,
            t -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfYear()));

    private final String jqlName;
    private final ChronoUnit unit;
    private final UnaryOperator<ZonedDateTime> start;

    DateFunction(String jqlName, ChronoUnit unit, UnaryOperator<ZonedDateTime> start) {
        this.jqlName = jqlName;
        this.unit = unit;
        this.start = start;
    }

    /** The function named {@code name} (case-insensitive), if it is a date function. */
    static Optional<DateFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.jqlName.equalsIgnoreCase(name)).findFirst();
    }

    String jqlName() {
        return jqlName;
    }

    /** {@code now()} takes no argument; the others an optional increment. */
    int maxArguments() {
        return this == NOW ? 0 : 1;
    }

    /** The unit a bare-number increment counts in. */
    ChronoUnit unit() {
        return unit;
    }

    ZonedDateTime apply(ZonedDateTime now, Optional<JqlPeriod> increment) {
        if (this == NOW) {
            return now;
        }
        ZonedDateTime begin = start.apply(now);
        if (!name().startsWith("END_")) {
            return increment.map(inc -> inc.addTo(begin)).orElse(begin);
        }
        if (increment.isPresent() && increment.get().isOnly(unit)) {
            return increment.get().addTo(begin).plus(1, unit).minus(1, ChronoUnit.MILLIS);
        }
        ZonedDateTime end = begin.plus(1, unit).minus(1, ChronoUnit.MILLIS);
        return increment.map(inc -> inc.addTo(end)).orElse(end);
    }

    private static ZonedDateTime mondayOf(ZonedDateTime time) {
        return time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
