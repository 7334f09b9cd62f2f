package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.errors;
import static dev.cameljira.sandbox.jql.JqlFixture.keys;
import static dev.cameljira.sandbox.jql.JqlFixture.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grammar: precedence, parentheses, keywords, quoting, and the syntax errors with their positions. */
class JqlSyntaxTest {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            issuetype = Story OR project = OPS AND labels = urgent       | DEMO-2 OPS-3
            project = OPS AND labels = urgent OR issuetype = Story       | DEMO-2 OPS-3
            (issuetype = Story OR project = OPS) AND labels = urgent     | OPS-3
            issuetype = Story OR (project = OPS AND labels = urgent)     | DEMO-2 OPS-3
            ((issuetype = Story) OR ((project = OPS))) AND labels = urgent | OPS-3
            NOT project = DEMO AND labels = urgent                       | OPS-3
            NOT (project = DEMO AND labels = urgent)                     | DEMO-10 OPS-3
            NOT (project = OPS OR assignee = bob)                        | DEMO-1
            NOT NOT project = OPS                                        | OPS-3
            NOT assignee = bob                                           | DEMO-1 OPS-3
            NOT assignee in (bob, alice)                                 | OPS-3
            NOT assignee is EMPTY                                        | DEMO-1 DEMO-10 OPS-3
            NOT summary ~ login                                          | DEMO-2 DEMO-10 OPS-3
            NOT id > 10002                                               | DEMO-1 DEMO-2
            !(project = DEMO)                                            | OPS-3
            ! project = DEMO                                             | OPS-3
            project=DEMO AND status!=Done AND labels=urgent              | DEMO-1
            project = DEMO and status = Done or project = OPS            | DEMO-10 OPS-3
            project = DEMO And status NOT IN (Done) Or assignee Is Empty | DEMO-1 DEMO-2
            project IN (DEMO) AND assignee iS nOt EmPtY                  | DEMO-1 DEMO-10
            "project" = DEMO AND 'status' = "To Do"                      | DEMO-1
            project = "DEMO"                                             | DEMO-1 DEMO-2 DEMO-10
            project = 'OPS'                                              | OPS-3
            project in ("DEMO", 'OPS') and issuetype = Bug               | DEMO-1 OPS-3
            "resolution" = "Won\\'t Do"                                   | OPS-3
            resolution = "Won\\u0027t Do"                                 | OPS-3
            summary ~ "Disk\\ full"                                      | OPS-3
            project = DEMO ORDER BY key                                  | DEMO-1 DEMO-2 DEMO-10
            project = DEMO order by key DESC                             | DEMO-10 DEMO-2 DEMO-1
            """)
    void evaluatesLikeJira(String jql, String expected) {
        assertThat(search(jql)).containsExactlyElementsOf(sortedAsReturned(jql, keys(expected)));
    }

    /** Expected keys in the order the query returns them (default order unless the test says ORDER BY). */
    private static List<String> sortedAsReturned(String jql, List<String> expected) {
        if (jql.toLowerCase().contains("order by")) {
            return expected;
        }
        return JqlFixture.ISSUES.stream().map(TestIssue::key).filter(expected::contains)
                .sorted((a, b) -> Long.compare(idOf(b), idOf(a))).toList();
    }

    private static long idOf(String key) {
        return JqlFixture.ISSUES.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuetype = Story || project = OPS && labels = urgent",
        "issuetype = Story | project = OPS & labels = urgent", "issuetype=Story||project=OPS&&labels=urgent"})
    void symbolicAndOrHaveTheSamePrecedenceAsTheKeywords(String jql) {
        assertThat(search(jql)).containsExactly("OPS-3", "DEMO-2");
    }

    @Test
    void multiLineQueriesAreParsed() {
        assertThat(search("project = DEMO\n  AND\tstatus = Done\r\n")).containsExactly("DEMO-10");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyQueryIsValidMatchesAllAndIsUnbounded(String jql) {
        JqlQuery query = Jql.parse(jql);

        assertThat(query.isBounded()).isFalse();
        assertThat(search(jql == null ? "" : jql)).containsExactly("DEMO-10", "OPS-3", "DEMO-2", "DEMO-1");
    }

    @Test
    void orderByAloneIsUnbounded() {
        assertThat(Jql.parse("ORDER BY created DESC").isBounded()).isFalse();
        assertThat(search("order by created")).containsExactly("OPS-3", "DEMO-1", "DEMO-2", "DEMO-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"project = DEMO", "project = DEMO ORDER BY key", "(assignee is EMPTY)",
        "NOT project = DEMO"})
    void aRestrictionMakesTheQueryBounded(String jql) {
        assertThat(Jql.parse(jql).isBounded()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project = DEMO x            | Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'x'. (line 1, character 16)
            project = DEMO status = Done | Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 16)
            project = DEMO)             | Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 15)
            (project = DEMO             | Error in the JQL Query: Expecting ')' before the end of the query.
            ((project = DEMO) OR (status = Done) | Error in the JQL Query: Expecting ')' before the end of the query.
            (project = DEMO status = Done) | Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 17)
            project = "DEMO             | Error in the JQL Query: The quoted string 'DEMO' has not been completed. (line 1, character 11)
            summary ~ 'abc def          | Error in the JQL Query: The quoted string 'abc def' has not been completed. (line 1, character 11)
            summary ~ "abc\\"           | Error in the JQL Query: The quoted string 'abc"' has not been completed. (line 1, character 11)
            project DEMO                | Error in the JQL Query: Expecting operator but got 'DEMO'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'. (line 1, character 9)
            project                     | Error in the JQL Query: Expecting operator before the end of the query. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'.
            status changed Done         | Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'Done'. (line 1, character 16)
            status not = Done           | Error in the JQL Query: Expecting 'IN' but got '='. (line 1, character 12)
            status not                  | Error in the JQL Query: Expecting 'IN' before the end of the query.
            project =                   | Error in the JQL Query: Expecting either a value, list or function before the end of the query.
            project = )                 | Error in the JQL Query: Expecting either a value, list or function but got ')'. (line 1, character 11)
            project == DEMO             | Error in the JQL Query: Expecting either a value, list or function but got '='. (line 1, character 10)
            project = DEMO AND          | Error in the JQL Query: Expecting a field name before the end of the query.
            project = DEMO OR ()        | Error in the JQL Query: Expecting a field name but got ')'. (line 1, character 20)
            = DEMO                      | Error in the JQL Query: Expecting a field name but got '='. (line 1, character 1)
            AND project = DEMO          | Error in the JQL Query: 'AND' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 1)
            project = and               | Error in the JQL Query: 'and' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)
            project in (A, order)       | Error in the JQL Query: 'order' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 16)
            project in (A, B            | Error in the JQL Query: Expecting ')' before the end of the query.
            project in (A B)            | Error in the JQL Query: Expecting either ',' or ')' but got 'B'. (line 1, character 15)
            project in ()               | Error in the JQL Query: Expecting either a value, list or function but got ')'. (line 1, character 13)
            project in ((A))            | Error in the JQL Query: Expecting either a value, list or function but got '('. (line 1, character 13)
            project in (A,)             | Error in the JQL Query: Expecting either a value, list or function but got ')'. (line 1, character 15)
            assignee = currentUser(     | Error in the JQL Query: Expecting ')' before the end of the query.
            assignee = currentUser(a b) | Error in the JQL Query: Expecting either ',' or ')' but got 'b'. (line 1, character 26)
            project = DEMO ORDER created | Error in the JQL Query: Expecting 'BY' but got 'created'. (line 1, character 22)
            project = DEMO ORDER        | Error in the JQL Query: Expecting 'BY' before the end of the query.
            ORDER BY                    | Error in the JQL Query: Expecting a field name before the end of the query.
            ORDER BY created sideways   | Error in the JQL Query: Expecting either 'ASC', 'DESC' or ',' but got 'sideways'. (line 1, character 18)
            ORDER BY created DESC key   | Error in the JQL Query: Expecting either 'ASC', 'DESC' or ',' but got 'key'. (line 1, character 23)
            ORDER BY created,           | Error in the JQL Query: Expecting a field name before the end of the query.
            ORDER BY key project = DEMO | Error in the JQL Query: Expecting either 'ASC', 'DESC' or ',' but got 'project'. (line 1, character 14)
            project = "a\\qb"           | Error in the JQL Query: Illegal escape sequence '\\q' in a quoted string; valid are \\", \\', \\\\, \\n, \\r, \\t, \\space and \\uXXXX. (line 1, character 13)
            project = "a\\u12"          | Error in the JQL Query: Illegal Unicode escape sequence '\\u12"'; expected \\u followed by 4 hexadecimal digits. (line 1, character 13)
            """)
    void syntaxErrorsAreReportedLikeJira(String jql, String message) {
        assertThat(errors(jql)).containsExactly(message);
    }

    @Test
    void positionsCountLinesAndCharactersFromOne() {
        assertThat(errors("project = DEMO\nAND ) ")).containsExactly(
                "Error in the JQL Query: Expecting a field name but got ')'. (line 2, character 5)");
        assertThat(errors("project = DEMO\n\nAND status = \"open")).containsExactly(
                "Error in the JQL Query: The quoted string 'open' has not been completed. (line 3, character 14)");
    }

    @Test
    void deepNestingIsRefusedWithAMessageNotAStackOverflow() {
        String parens = "(".repeat(5000) + "project = DEMO" + ")".repeat(5000);
        String nots = "NOT ".repeat(5000) + "project = DEMO";

        assertThat(errors(parens)).singleElement().asString()
                .startsWith("Error in the JQL Query: The query nests parentheses or NOT more than 100 levels deep.");
        assertThat(errors(nots)).singleElement().asString().contains("more than 100 levels deep");
    }

    @Test
    void nestingUpToTheLimitIsFine() {
        String jql = "(".repeat(JqlParser.MAX_DEPTH) + "project = OPS" + ")".repeat(JqlParser.MAX_DEPTH);

        assertThat(search(jql)).containsExactly("OPS-3");
    }

    @Test
    void longFlatQueriesDoNotRecurse() {
        String jql = String.join(" OR ", java.util.Collections.nCopies(2_000, "project = OPS"));

        assertThat(search(jql)).containsExactly("OPS-3");
    }

    @Test
    void exceptionCarriesTheMessagesAndJoinsThemInGetMessage() {
        JqlException e = new JqlException(List.of("first.", "second."));

        assertThat(e.errorMessages()).containsExactly("first.", "second.");
        assertThat(e.getMessage()).isEqualTo("first. second.");
        assertThat(new JqlException("only.").errorMessages()).containsExactly("only.");
    }
}
