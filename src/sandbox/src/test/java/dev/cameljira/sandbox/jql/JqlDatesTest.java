package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.BERLIN;
import static dev.cameljira.sandbox.jql.JqlFixture.berlin;
import static dev.cameljira.sandbox.jql.JqlFixture.errors;
import static dev.cameljira.sandbox.jql.JqlFixture.keys;
import static dev.cameljira.sandbox.jql.JqlFixture.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Date fields: minute precision in the user's zone, literal formats, relative periods and date functions. The user
 * is in Europe/Berlin (UTC+1) and it is Saturday 2026-11-28 10:30 there.
 */
class JqlDatesTest {

    private static final JqlContext CONTEXT = JqlFixture.AS_ALICE;

    /** Updated around the minute 10:15 (Berlin). */
    private static final List<TestIssue> AROUND_10_15 = List.of(
            dated(1, "T-1", "updated", berlin("2026-11-28 10:14:59.999")),
            dated(2, "T-2", "updated", berlin("2026-11-28 10:15:00")),
            dated(3, "T-3", "updated", berlin("2026-11-28 10:15:59.999")),
            dated(4, "T-4", "updated", berlin("2026-11-28 10:16:00")));

    /** Created at the edges of days, weeks, months and years (Berlin). */
    private static final List<TestIssue> AT_EDGES = List.of(
            dated(1, "C-1", "created", berlin("2026-11-28 00:00:00")),     // start of today
            dated(2, "C-2", "created", berlin("2026-11-27 23:59:00")),     // end of yesterday
            dated(3, "C-3", "created", berlin("2026-11-23 00:00:00")),     // Monday: start of week
            dated(4, "C-4", "created", berlin("2026-11-22 23:59:00")),     // Sunday: end of last week
            dated(5, "C-5", "created", berlin("2026-11-01 00:00:00")),     // start of month
            dated(6, "C-6", "created", berlin("2026-10-31 23:59:30")),     // end of last month
            dated(7, "C-7", "created", berlin("2026-11-28 23:59:59")),     // end of today
            dated(8, "C-8", "created", berlin("2026-11-29 00:00:00")),     // tomorrow
            dated(9, "C-9", "created", berlin("2026-01-01 00:00:00")),     // start of year
            dated(10, "C-10", "created", berlin("2025-12-31 23:59:00"))); // end of last year

    private static TestIssue dated(long id, String key, String field, Instant instant) {
        return TestIssue.issue(id, key).at(field, instant).build();
    }

    private static List<String> matching(String jql, JqlContext context, List<TestIssue> issues) {
        return search(jql, context, issues).stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            updated >= "2026-11-28 10:15"    | T-2 T-3 T-4
            updated > "2026-11-28 10:15"     | T-4
            updated = "2026-11-28 10:15"     | T-2 T-3
            updated != "2026-11-28 10:15"    | T-1 T-4
            updated < "2026-11-28 10:15"     | T-1
            updated <= "2026-11-28 10:15"    | T-1 T-2 T-3
            updated in ("2026-11-28 10:14", "2026-11-28 10:16")     | T-1 T-4
            updated not in ("2026-11-28 10:14", "2026-11-28 10:16") | T-2 T-3
            updated >= "2026/11/28 10:15"    | T-2 T-3 T-4
            updated > '2026/11/28 10:14'     | T-2 T-3 T-4
            updated >= "  2026-11-28 10:16 " | T-4
            NOT updated > "2026-11-28 10:15" | T-1 T-2 T-3
            updated >= 2026-11-28            | T-1 T-2 T-3 T-4
            updated >= "2026/11/28"          | T-1 T-2 T-3 T-4
            updated = "2026-11-28"           |
            updated < 2026/11/29             | T-1 T-2 T-3 T-4
            updatedDate > "2026-11-28 10:15" | T-4
            """)
    void comparisonsHaveMinutePrecisionInTheUsersZone(String jql, String expected) {
        assertThat(matching(jql, CONTEXT, AROUND_10_15)).containsExactlyElementsOf(keys(expected));
    }

    @Test
    void literalsAreReadInTheUsersZone() {
        JqlContext utc = new JqlContext(ZoneOffset.UTC, CONTEXT.now(), List.of());

        assertThat(matching("updated >= \"2026-11-28 10:15\"", utc, AROUND_10_15)).isEmpty();
        assertThat(matching("updated >= \"2026-11-28 09:15\"", utc, AROUND_10_15)).containsExactly("T-2", "T-3", "T-4");
        assertThat(matching("updated > \"2026-11-28 09:15\"", utc, AROUND_10_15)).containsExactly("T-4");
    }

    @Test
    void truncationToTheMinuteHappensInTheUsersZoneEvenWithAQuarterHourOffset() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // UTC+05:45
        JqlContext context = new JqlContext(kathmandu, CONTEXT.now(), List.of());
        List<TestIssue> issues = List.of(
                dated(1, "K-1", "updated", JqlFixture.at("2026-11-28 10:14:59", kathmandu)),
                dated(2, "K-2", "updated", JqlFixture.at("2026-11-28 10:15:59", kathmandu)));

        assertThat(matching("updated = \"2026-11-28 10:15\"", context, issues)).containsExactly("K-2");
        assertThat(matching("updated < \"2026-11-28 10:15\"", context, issues)).containsExactly("K-1");
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            updated >= -15m                  | T-2 T-3 T-4
            updated >= "-15m"                | T-2 T-3 T-4
            updated > -15m                   | T-4
            updated < -14m                   | T-1 T-2 T-3
            updated = -15m                   | T-2 T-3
            updated >= "-0h 15m"             | T-2 T-3 T-4
            updated >= -1h                   | T-1 T-2 T-3 T-4
            updated < -1h                    |
            updated <= 1d                    | T-1 T-2 T-3 T-4
            updated > "+1d"                  |
            """)
    void relativeDatesCountFromNow(String jql, String expected) {
        assertThat(matching(jql, CONTEXT, AROUND_10_15)).containsExactlyElementsOf(keys(expected));
    }

    @Test
    void relativeDatesAreTruncatedToTheMinuteToo() {
        JqlContext laterInTheMinute = new JqlContext(BERLIN, berlin("2026-11-28 10:30:45"), List.of());

        assertThat(matching("updated >= -15m", laterInTheMinute, AROUND_10_15)).containsExactly("T-2", "T-3", "T-4");
        assertThat(matching("updated > -15m", laterInTheMinute, AROUND_10_15)).containsExactly("T-4");
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            created >= -1w                   | C-1 C-2 C-3 C-4 C-7 C-8
            created >= -7d                   | C-1 C-2 C-3 C-4 C-7 C-8
            created >= "-3w 6d"              | C-1 C-2 C-3 C-4 C-7 C-8
            created >= "-4w 2d"              | C-1 C-2 C-3 C-4 C-5 C-6 C-7 C-8
            created >= "-3w6d"               | C-1 C-2 C-3 C-4 C-7 C-8
            created >= -1M                   | C-1 C-2 C-3 C-4 C-5 C-6 C-7 C-8
            created >= -1y                   | C-1 C-10 C-2 C-3 C-4 C-5 C-6 C-7 C-8 C-9
            created < "-2w"                  | C-10 C-5 C-6 C-9
            created > 13h                    | C-7 C-8
            created >= "13h 30m"             | C-8
            """)
    void relativePeriodsInDaysWeeksMonthsAndYears(String jql, String expected) {
        assertThat(matching(jql, CONTEXT, AT_EDGES)).containsExactlyElementsOf(keys(expected));
    }

    @Test
    void dayPeriodsAreCalendarDaysInTheUsersZoneAcrossDaylightSaving() {
        // Berlin left summer time on 2026-10-25 at 03:00; "-1d" from noon is noon the day before, 25 hours earlier
        JqlContext afterSwitch = new JqlContext(BERLIN, berlin("2026-10-25 12:00:00"), List.of());
        List<TestIssue> issues = List.of(
                dated(1, "D-1", "created", berlin("2026-10-24 11:59:00")),
                dated(2, "D-2", "created", berlin("2026-10-24 12:30:00")));

        assertThat(matching("created >= -1d", afterSwitch, issues)).containsExactly("D-2");
        assertThat(matching("created >= startOfDay(-1)", afterSwitch, issues)).containsExactly("D-1", "D-2");
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            created >= now()                 | C-7 C-8
            created < NOW()                  | C-1 C-10 C-2 C-3 C-4 C-5 C-6 C-9
            created >= startOfDay()          | C-1 C-7 C-8
            created < startOfDay()           | C-10 C-2 C-3 C-4 C-5 C-6 C-9
            created >= startOfDay(-1)        | C-1 C-2 C-7 C-8
            created >= startOfDay("-1d")     | C-1 C-2 C-7 C-8
            created >= startofday(+1)        | C-8
            created <= endOfDay()            | C-1 C-10 C-2 C-3 C-4 C-5 C-6 C-7 C-9
            created > endOfDay()             | C-8
            created = endOfDay()             | C-7
            created = endOfDay(-1)           | C-2
            created >= startOfWeek()         | C-1 C-2 C-3 C-7 C-8
            created = endOfWeek(-1)          | C-4
            created < startOfWeek(-1w)       | C-10 C-5 C-6 C-9
            created >= startOfMonth()        | C-1 C-2 C-3 C-4 C-5 C-7 C-8
            created < startOfMonth()         | C-10 C-6 C-9
            created = endOfMonth(-1)         | C-6
            created >= startOfMonth(21d)     | C-1 C-2 C-3 C-4 C-7 C-8
            created >= startOfMonth(22d)     | C-1 C-2 C-3 C-7 C-8
            created >= startOfYear()         | C-1 C-2 C-3 C-4 C-5 C-6 C-7 C-8 C-9
            created = endOfYear(-1)          | C-10
            created in (startOfDay(), endOfDay(-1)) | C-1 C-2
            """)
    void dateFunctions(String jql, String expected) {
        assertThat(matching(jql, CONTEXT, AT_EDGES)).containsExactlyElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            resolutiondate is EMPTY                       | DEMO-1 DEMO-2
            resolved is not EMPTY                         | DEMO-10 OPS-3
            resolved >= "2026-11-28"                      | DEMO-10
            resolutiondate != "2026-11-28 00:05"          | OPS-3
            resolutiondate < now()                        | DEMO-10 OPS-3
            resolutiondate in (EMPTY, "2026-11-26 16:45") | DEMO-1 DEMO-2 OPS-3
            resolutiondate not in (EMPTY, "2026-11-26 16:45") | DEMO-10
            NOT resolutiondate > -1d                      | OPS-3
            created < "2026-11-01 09:01"                  | DEMO-1 OPS-3
            createddate = "2026-11-01 09:00"              | DEMO-1
            """)
    void emptyDatesMatchOnlyEmptinessTests(String jql, String expected) {
        assertThat(search(jql).stream().sorted().toList()).containsExactlyElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            created = "2026-13-01"                 | 2026-13-01         | created
            created > "2026-02-30"                 | 2026-02-30         | created
            updated < "2026-11-28 24:00"           | 2026-11-28 24:00   | updated
            updated >= "2026-11-28T10:15"          | 2026-11-28T10:15   | updated
            updated >= "2026-11-28 10:15:00"       | 2026-11-28 10:15:00 | updated
            Created > yesterday                    | yesterday          | Created
            createdDate > "-5"                     | -5                 | createdDate
            resolutiondate <= "5x"                 | 5x                 | resolutiondate
            resolved in (2026-11-28, "-1 d x")     | -1 d x             | resolved
            created = "2026-1-5"                   | 2026-1-5           | created
            """)
    void invalidDatesAreRejectedWithJirasMessage(String jql, String value, String field) {
        assertThat(errors(jql)).containsExactly("Date value '" + value + "' for field '" + field + "' is invalid."
                + " Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd',"
                + " or a period format e.g. '-5d', '4w 2d'.");
    }

    @Test
    void anEmptyDateStringIsInvalid() {
        assertThat(errors("created = \"\"")).singleElement().asString()
                .startsWith("Date value '' for field 'created' is invalid.");
    }

    @Test
    void aLongRunOfDigitsIsRejectedQuickly() {
        assertThat(errors("created > \"" + "1".repeat(10_000) + "x\"")).singleElement().asString()
                .startsWith("Date value '111");
    }
}
