package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed queries Jira rejects: unknown fields, unsupported operators, invalid values; with Jira's wording. */
class JqlValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            foo = bar                   | Field 'foo' does not exist or you do not have permission to view it.
            "Foo Bar" = x               | Field 'Foo Bar' does not exist or you do not have permission to view it.
            customfield_10020 = 3       | Field 'customfield_10020' does not exist or you do not have permission to view it.
            cf[x] = 3                   | Field 'cf[x]' does not exist or you do not have permission to view it.
            project = DEMO AND (universe = 42 OR status = Done) | Field 'universe' does not exist or you do not have permission to view it.
            """)
    void unknownFields(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project > DEMO              | The operator '>' is not supported by the 'project' field.
            Project >= DEMO             | The operator '>=' is not supported by the 'Project' field.
            project ~ DEMO              | The operator '~' is not supported by the 'project' field.
            issuetype < Bug             | The operator '<' is not supported by the 'issuetype' field.
            type !~ Bug                 | The operator '!~' is not supported by the 'type' field.
            status <= Done              | The operator '<=' is not supported by the 'status' field.
            assignee > bob              | The operator '>' is not supported by the 'assignee' field.
            reporter ~ bob              | The operator '~' is not supported by the 'reporter' field.
            labels > a                  | The operator '>' is not supported by the 'labels' field.
            priority > Medium           | The operator '>' is not supported by the 'priority' field.
            resolution < Done           | The operator '<' is not supported by the 'resolution' field.
            summary = x                 | The operator '=' is not supported by the 'summary' field.
            summary != x                | The operator '!=' is not supported by the 'summary' field.
            summary in (x)              | The operator 'in' is not supported by the 'summary' field.
            summary > x                 | The operator '>' is not supported by the 'summary' field.
            key ~ DEMO                  | The operator '~' is not supported by the 'key' field.
            created ~ x                 | The operator '~' is not supported by the 'created' field.
            cf[10016] ~ 3               | The operator '~' is not supported by the 'cf[10016]' field.
            cf[10020] > 3               | The operator '>' is not supported by the 'cf[10020]' field.
            text = x                    | The operator '=' is not supported by the 'text' field.
            statusCategory > Done       | The operator '>' is not supported by the 'statusCategory' field.
            parent < DEMO-1             | The operator '<' is not supported by the 'parent' field.
            NOT project > DEMO          | The operator '>' is not supported by the 'project' field.
            NOT (status = Done OR summary = x) | The operator '=' is not supported by the 'summary' field.
            """)
    void unsupportedOperators(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project is EMPTY            | The field 'project' does not support searching for EMPTY values.
            project = EMPTY             | The field 'project' does not support searching for EMPTY values.
            project in (DEMO, EMPTY)    | The field 'project' does not support searching for EMPTY values.
            status is not EMPTY         | The field 'status' does not support searching for EMPTY values.
            statusCategory = EMPTY      | The field 'statusCategory' does not support searching for EMPTY values.
            issuetype = null            | The field 'issuetype' does not support searching for EMPTY values.
            key is EMPTY                | The field 'key' does not support searching for EMPTY values.
            created > EMPTY             | The operator '>' does not support searching for EMPTY values.
            summary ~ EMPTY             | The operator '~' does not support searching for EMPTY values.
            assignee is bob             | The operator 'is' only supports the EMPTY (or NULL) value, not 'bob'.
            assignee is not (a, b)      | The operator 'is not' only supports the EMPTY (or NULL) value, not '(a, b)'.
            project in DEMO             | Operator 'in' does not support the non-list value '"DEMO"' for field 'project'.
            labels not in "a b"         | Operator 'not in' does not support the non-list value '"a b"' for field 'labels'.
            labels in EMPTY             | Operator 'in' does not support the non-list value 'EMPTY' for field 'labels'.
            project = (DEMO, OPS)       | Operator '=' does not support the list value '(DEMO, OPS)' for field 'project'.
            created > (-1d, -2d)        | Operator '>' does not support the list value '(-1d, -2d)' for field 'created'.
            summary ~ (a, b)            | Operator '~' does not support the list value '(a, b)' for field 'summary'.
            summary ~ ""                | The field 'summary' does not support searching for an empty string.
            summary ~ "   "             | The field 'summary' does not support searching for an empty string.
            key = foo                   | The issue key 'foo' for field 'key' is invalid.
            issuekey > DEMO             | The issue key 'DEMO' for field 'issuekey' is invalid.
            id in (DEMO-1, 1-DEMO)      | The issue key '1-DEMO' for field 'id' is invalid.
            cf[10016] > abc             | The value 'abc' for field 'cf[10016]' is invalid: it must be a number.
            "Story Points" in (1, x)    | The value 'x' for field 'Story Points' is invalid: it must be a number.
            """)
    void invalidOperands(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            assignee = foo()            | Unable to find JQL function 'foo()'.
            assignee in membersOf(devs) | Unable to find JQL function 'membersOf()'.
            project = currentUser()     | The function 'currentUser()' is not supported by the 'project' field.
            labels in (currentUser())   | The function 'currentUser()' is not supported by the 'labels' field.
            assignee = now()            | The function 'now()' is not supported by the 'assignee' field.
            created > currentUser()     | The function 'currentUser()' is not supported by the 'created' field.
            key = now()                 | The function 'now()' is not supported by the 'key' field.
            summary ~ now()             | The function 'now()' is not supported by the 'summary' field.
            cf[10016] = now()           | The function 'now()' is not supported by the 'cf[10016]' field.
            assignee = currentUser(me)  | Function 'currentUser' expected '0' arguments but received '1'.
            created > now(1)            | Function 'now' expected '0' arguments but received '1'.
            created > startOfDay(1, 2)  | Function 'startOfDay' expected between '0' and '1' arguments but received '2'.
            created > startOfDay(abc)   | The increment 'abc' of function 'startOfDay' is invalid. Use a number of days or a period such as '-1d', '+2w' or '-1w 2d'.
            created > endOfMonth("1x")  | The increment '1x' of function 'endOfMonth' is invalid. Use a number of months or a period such as '-1d', '+2w' or '-1w 2d'.
            """)
    void functions(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ORDER BY foo                | Field 'foo' does not exist or you do not have permission to view it.
            ORDER BY labels             | Not able to sort using field 'labels'.
            ORDER BY cf[10020]          | Not able to sort using field 'cf[10020]'.
            project = DEMO ORDER BY assignee DESC | Not able to sort using field 'assignee'.
            ORDER BY created, Created DESC | The sort field 'Created' is referenced multiple times in the JQL sort.
            ORDER BY key, issuekey      | The sort field 'issuekey' is referenced multiple times in the JQL sort.
            """)
    void orderByErrors(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @Test
    void everyValidationErrorIsReportedInOrder() {
        assertThat(errors("foo = 1 AND project > DEMO OR created = \"2026-13-01\" AND bar = 2 ORDER BY labels"))
                .containsExactly(
                        "Field 'foo' does not exist or you do not have permission to view it.",
                        "The operator '>' is not supported by the 'project' field.",
                        "Date value '2026-13-01' for field 'created' is invalid. Valid formats include:"
                                + " 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd',"
                                + " or a period format e.g. '-5d', '4w 2d'.",
                        "Field 'bar' does not exist or you do not have permission to view it.",
                        "Not able to sort using field 'labels'.");
    }

    @Test
    void aRepeatedErrorIsReportedOnce() {
        assertThat(errors("foo = 1 OR foo = 2")).containsExactly(
                "Field 'foo' does not exist or you do not have permission to view it.");
    }

    @Test
    void syntaxErrorsComeAloneBeforeAnyValidation() {
        assertThat(errors("foo = 1 AND project = ")).containsExactly(
                "Error in the JQL Query: Expecting either a value, list or function before the end of the query.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"created > -1d", "resolved is EMPTY", "createdDate >= startOfWeek(-1w)",
        "updatedDate < endOfYear()", "\"STORY POINTS\" > 1", "ISSUEKEY in (demo-1)", "Type = Bug",
        "assignee in (EMPTY, currentUser())", "summary ~ 'a' ORDER BY Summary, \"Story Points\" DESC, id"})
    void aliasesAndCaseAreAccepted(String jql) {
        assertThatCode(() -> JqlFixture.search(jql)).doesNotThrowAnyException();
    }
}
