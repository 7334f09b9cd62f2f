package dev.cameljira.jira.consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search JQL of the polling consumers and of the webhook's backup poll: the user's JQL stays whole, parenthesised,
 * and only its own trailing ORDER BY is cut, never text in quotes (double or single, with escaped quotes) and never a
 * word that merely contains "order".
 */
class JqlWindowTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project = A ORDER BY priority DESC                  | project = A
            project = A order by created                        | project = A
            project = A Order   By rank                         | project = A
            project = A oRdEr bY rank                           | project = A
            summary ~ "order by"                                | summary ~ "order by"
            summary ~ "order by" ORDER BY key                   | summary ~ "order by"
            summary ~ "a \\" order by b"                         | summary ~ "a \\" order by b"
            summary ~ "ends with a backslash \\\\" order by key   | summary ~ "ends with a backslash \\\\"
            summary ~ 'x \\' order by' and reorder = by          | summary ~ 'x \\' order by' and reorder = by
            labels = order-by ORDER BY key                      | labels = order-by
            ORDER BY created                                    | ``
            """)
    void onlyTheUsersOwnOrderByIsCut(String jql, String expected) {
        assertThat(JqlWindow.withoutOrderBy(jql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"project = A\nORDER BY key", "project = A\torder\tby key", "project = A\r\nOrder\r\nBy key"})
    void orderByAfterAnyWhitespaceIsCut(String jql) {
        assertThat(JqlWindow.of(jql, "updated >= -5m", "updated ASC")).isEqualTo("(project = A) AND updated >= -5m ORDER BY updated ASC");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "ORDER BY key DESC"})
    void withoutAFilterOnlyTheWindowRemains(String jql) {
        assertThat(JqlWindow.of(jql, "updated >= -5m", "updated ASC")).isEqualTo("updated >= -5m ORDER BY updated ASC");
        assertThat(JqlWindow.of(null, "created >= \"2026-03-10 10:15\"", "created ASC, key ASC"))
                .isEqualTo("created >= \"2026-03-10 10:15\" ORDER BY created ASC, key ASC");
    }
}
