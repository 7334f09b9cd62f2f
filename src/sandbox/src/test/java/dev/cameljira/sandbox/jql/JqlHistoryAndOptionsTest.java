package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * History clauses as the parser and compiler see them (their evaluation over a real changelog is tested over HTTP
 * by the sandbox's JqlSearchContract), lenient parsing, the values a query names, and custom fields by name.
 */
class JqlHistoryAndOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            summary WAS x                          | History searches do not support the 'summary' field.
            labels CHANGED                         | History searches do not support the 'labels' field.
            foo WAS x                              | Field 'foo' does not exist or you do not have permission to view it.
            status WAS (Done, Open)                | Operator 'was' does not support the list value '(Done, Open)' for field 'status'.
            status WAS IN Done                     | Operator 'was in' does not support the non-list value '"Done"' for field 'status'.
            status WAS Done FROM Open              | The predicate 'FROM' is not supported by the 'WAS' operator; use AFTER, BEFORE, ON, DURING or BY.
            status CHANGED DURING ("2026/01/01")   | The 'DURING' predicate needs two dates, as in DURING ("2026/01/01", "2026/01/31"), not '(2026/01/01)'.
            status CHANGED AFTER nope()            | Unable to find JQL function 'nope()'.
            status WAS Done BY EMPTY               | The 'BY' predicate needs a user, not EMPTY.
            status WAS currentUser()               | The function 'currentUser()' is not supported by the 'status' field.
            """)
    void invalidHistoryClauses(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @Test
    void historyClausesParseWithEveryPredicate() {
        JqlQuery query = Jql.parse("status WAS NOT IN (\"In Progress\", Done) BY (bob, currentUser()) AFTER -1d"
                + " BEFORE now() ON \"2026/01/02\" DURING (\"2026-01-01 10:00\", startOfDay()) AND assignee CHANGED"
                + " FROM EMPTY TO bob AND NOT priority was High ORDER BY created");
        assertThat(query.isBounded()).isTrue();
        assertThat(query.valueRefs()).extracting(JqlValueRef::field, JqlValueRef::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("status", "In Progress"),
                org.assertj.core.groups.Tuple.tuple("status", "Done"),
                org.assertj.core.groups.Tuple.tuple("assignee", "bob"),
                org.assertj.core.groups.Tuple.tuple("priority", "High"));
    }

    @Test
    void withoutHistoryAFieldWasOnlyItsCurrentValue() {
        assertThat(JqlFixture.search("status WAS \"In Progress\"")).containsExactly("DEMO-2");
        assertThat(JqlFixture.search("project = DEMO AND status WAS NOT \"In Progress\"")).containsExactly("DEMO-10",
                "DEMO-1");
        assertThat(JqlFixture.search("status CHANGED")).isEmpty();
    }

    @Test
    void lenientParsingKeepsValidationErrorsAndTheClausesInErrorMatchNothing() {
        JqlQuery query = Jql.parse("project = DEMO OR foo = 1 OR summary = x",
                JqlOptions.DEFAULT.withLenient(true));
        assertThat(query.validationErrors()).containsExactly(
                "Field 'foo' does not exist or you do not have permission to view it.",
                "The operator '=' is not supported by the 'summary' field.");
        assertThat(JqlFixture.ISSUES.stream().filter(i -> query.matches(i, JqlFixture.AS_ALICE)).map(TestIssue::key))
                .containsExactly("DEMO-1", "DEMO-2", "DEMO-10");
        assertThat(Jql.parse("project = DEMO").validationErrors()).isEmpty();
    }

    @Test
    void valueRefsNameTheValuesToCheckAndHowTheyWereWritten() {
        JqlQuery query = Jql.parse("Project in (DEMO, 10000, \"10001\") AND resolution = Unresolved AND labels = x"
                + " AND summary ~ y AND issuekey = DEMO-1");
        assertThat(query.valueRefs()).containsExactly(
                new JqlValueRef("project", "Project", "DEMO", false),
                new JqlValueRef("project", "Project", "10000", true),
                new JqlValueRef("project", "Project", "10001", false),
                new JqlValueRef("key", "issuekey", "DEMO-1", false));
    }

    @Test
    void customFieldsOfTheInstanceAreSearchedByNameAndIdOnly() {
        JqlOptions options = JqlOptions.DEFAULT.withCustomFields(List.of(
                new JqlCustomField(10020, "Team Colour", JqlCustomField.Kind.OPTION),
                new JqlCustomField(10016, "Story Points", JqlCustomField.Kind.NUMBER),
                new JqlCustomField(10030, "Notes", JqlCustomField.Kind.TEXT)));
        List<TestIssue> issues = JqlFixture.ISSUES;
        assertThat(JqlFixture.search("\"team colour\" = \"Team Red\"", JqlFixture.AS_ALICE, issues, options))
                .containsExactly("DEMO-1");
        assertThat(JqlFixture.search("cf[10020] in (10201)", JqlFixture.AS_ALICE, issues, options))
                .containsExactly("DEMO-2");
        assertThat(JqlFixture.search("\"Story Points\" >= 5 ORDER BY \"story points\" DESC", JqlFixture.AS_ALICE,
                issues, options)).containsExactly("DEMO-10", "DEMO-2");
        assertThat(errorsOf("Notes = x", options))
                .containsExactly("The operator '=' is not supported by the 'Notes' field.");
        assertThat(errorsOf("cf[10040] = x", options))
                .containsExactly("Field 'cf[10040]' does not exist or you do not have permission to view it.");
        assertThat(errorsOf("\"Team Colour\" > x", options))
                .containsExactly("The operator '>' is not supported by the 'Team Colour' field.");
        assertThat(JqlOptions.DEFAULT.customFields()).isEqualTo(Optional.empty());
    }

    private static List<String> errorsOf(String jql, JqlOptions options) {
        try {
            Jql.parse(jql, options);
        } catch (JqlException rejected) {
            return rejected.errorMessages();
        }
        throw new AssertionError("expected a JqlException for: " + jql);
    }
}
