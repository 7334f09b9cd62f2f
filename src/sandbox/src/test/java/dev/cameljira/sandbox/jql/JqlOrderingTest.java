package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.berlin;
import static dev.cameljira.sandbox.jql.JqlFixture.keys;
import static dev.cameljira.sandbox.jql.JqlFixture.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ORDER BY and the default order, on the {@link JqlFixture} issues. */
class JqlOrderingTest {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project in (DEMO, OPS)                 | DEMO-10 OPS-3 DEMO-2 DEMO-1
            ORDER BY created                       | OPS-3 DEMO-1 DEMO-2 DEMO-10
            ORDER BY created ASC                   | OPS-3 DEMO-1 DEMO-2 DEMO-10
            ORDER BY created DESC                  | DEMO-10 DEMO-2 DEMO-1 OPS-3
            order by createdDate desc              | DEMO-10 DEMO-2 DEMO-1 OPS-3
            ORDER BY updated DESC                  | DEMO-1 DEMO-10 DEMO-2 OPS-3
            ORDER BY updated asc                   | OPS-3 DEMO-2 DEMO-10 DEMO-1
            ORDER BY key                           | DEMO-1 DEMO-2 DEMO-10 OPS-3
            ORDER BY key ASC                       | DEMO-1 DEMO-2 DEMO-10 OPS-3
            ORDER BY issuekey DESC                 | OPS-3 DEMO-10 DEMO-2 DEMO-1
            ORDER BY id                            | DEMO-1 DEMO-2 OPS-3 DEMO-10
            ORDER BY id DESC                       | DEMO-10 OPS-3 DEMO-2 DEMO-1
            ORDER BY priority DESC                 | OPS-3 DEMO-10 DEMO-1 DEMO-2
            ORDER BY priority ASC                  | DEMO-2 DEMO-1 DEMO-10 OPS-3
            ORDER BY status                        | OPS-3 DEMO-10 DEMO-2 DEMO-1
            ORDER BY status DESC                   | DEMO-1 DEMO-2 DEMO-10 OPS-3
            ORDER BY status ASC, created ASC       | OPS-3 DEMO-10 DEMO-2 DEMO-1
            ORDER BY status ASC, created DESC      | DEMO-10 OPS-3 DEMO-2 DEMO-1
            ORDER BY summary                       | DEMO-2 OPS-3 DEMO-10 DEMO-1
            ORDER BY summary DESC                  | DEMO-1 DEMO-10 OPS-3 DEMO-2
            ORDER BY "Story Points"                | DEMO-1 DEMO-2 DEMO-10 OPS-3
            ORDER BY cf[10016] DESC                | OPS-3 DEMO-10 DEMO-2 DEMO-1
            ORDER BY resolutiondate                | OPS-3 DEMO-10 DEMO-1 DEMO-2
            ORDER BY resolved DESC, key ASC        | DEMO-1 DEMO-2 DEMO-10 OPS-3
            project = DEMO ORDER BY updated DESC   | DEMO-1 DEMO-10 DEMO-2
            ORDER BY duedate                       | DEMO-10 DEMO-1 DEMO-2 OPS-3
            ORDER BY statusCategoryChangedDate DESC | DEMO-10 OPS-3 DEMO-2 DEMO-1
            labels = urgent ORDER BY key DESC      | OPS-3 DEMO-1
            """)
    void ordersLikeJira(String jql, String expected) {
        assertThat(search(jql)).containsExactlyElementsOf(keys(expected));
    }

    @Test
    void keysSortByProjectThenNumberNotAsText() {
        List<TestIssue> issues = List.of(issue(1, "ab-9"), issue(2, "AB-10"), issue(3, "AA-100"), issue(4, "AB-2"));

        assertThat(search("ORDER BY key", JqlFixture.AS_ALICE, issues))
                .containsExactly("AA-100", "AB-2", "ab-9", "AB-10");
    }

    @Test
    void tiesAreBrokenByIdInTheDirectionOfTheLastSortField() {
        TestIssue first = TestIssue.issue(1, "T-1").at("created", berlin("2026-11-28 10:00:00")).build();
        TestIssue second = TestIssue.issue(2, "T-2").at("created", berlin("2026-11-28 10:00:00")).build();
        TestIssue third = TestIssue.issue(3, "T-3").at("created", berlin("2026-11-28 10:00:00.001")).build();
        List<TestIssue> shuffled = List.of(second, third, first);

        assertThat(search("ORDER BY created", JqlFixture.AS_ALICE, shuffled)).containsExactly("T-1", "T-2", "T-3");
        assertThat(search("ORDER BY created DESC", JqlFixture.AS_ALICE, shuffled))
                .containsExactly("T-3", "T-2", "T-1");
        assertThat(search("ORDER BY created DESC, summary ASC", JqlFixture.AS_ALICE, shuffled))
                .containsExactly("T-3", "T-1", "T-2");
    }

    @Test
    void prioritiesWithoutIdsSortByTheStockNamesThenOthersLast() {
        List<TestIssue> issues = List.of(
                TestIssue.issue(1, "P-1").with("priority", "Blocker").build(),
                TestIssue.issue(2, "P-2").with("priority", "Custom").build(),
                TestIssue.issue(3, "P-3").with("priority", "Low").build(),
                TestIssue.issue(4, "P-4").with("priority", "Highest").build());

        assertThat(search("ORDER BY priority DESC", JqlFixture.AS_ALICE, issues))
                .containsExactly("P-2", "P-4", "P-1", "P-3");
        assertThat(search("ORDER BY priority", JqlFixture.AS_ALICE, issues))
                .containsExactly("P-3", "P-1", "P-4", "P-2");
    }

    @Test
    void theDefaultOrderIsIdDescending() {
        assertThat(Jql.parse("").ordering().compare(JqlFixture.DEMO_10, JqlFixture.DEMO_1)).isNegative();
        assertThat(Jql.parse("project = DEMO").ordering().compare(JqlFixture.DEMO_1, JqlFixture.DEMO_2)).isPositive();
    }

    private static TestIssue issue(long id, String key) {
        return TestIssue.issue(id, key).build();
    }
}
