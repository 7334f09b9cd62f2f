package dev.cameljira.sandbox.jql;

import static dev.cameljira.sandbox.jql.JqlFixture.keys;
import static dev.cameljira.sandbox.jql.JqlFixture.search;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every supported operator on every supported field, against the {@link JqlFixture} issues. */
class JqlFieldOperatorsTest {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            project = DEMO                     | DEMO-1 DEMO-2 DEMO-10
            project = demo                     | DEMO-1 DEMO-2 DEMO-10
            project = 10100                    | OPS-3
            project = "Demo Project"           | DEMO-1 DEMO-2 DEMO-10
            project = 'demo project'           | DEMO-1 DEMO-2 DEMO-10
            project != DEMO                    | OPS-3
            project in (DEMO, OPS)             | DEMO-1 DEMO-2 DEMO-10 OPS-3
            project in (Operations)            | OPS-3
            project not in (OPS)               | DEMO-1 DEMO-2 DEMO-10
            project not in (DEMO, OPS)         |
            project = NOPE                     |
            PROJECT = OPS                      | OPS-3
            """)
    void project(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            issuetype = Bug                    | DEMO-1 OPS-3
            issueType = bug                    | DEMO-1 OPS-3
            type = Story                       | DEMO-2
            issuetype = 10002                  | DEMO-10
            issuetype != Bug                   | DEMO-2 DEMO-10
            type in (Story, Task)              | DEMO-2 DEMO-10
            issuetype not in (Bug, Story)      | DEMO-10
            status = "To Do"                   | DEMO-1
            status = 'in progress'             | DEMO-2
            status = Done                      | DEMO-10 OPS-3
            status != Done                     | DEMO-1 DEMO-2
            status in ("To Do", "In Progress") | DEMO-1 DEMO-2
            status not in (Done, 3)            | DEMO-1
            """)
    void issueTypeAndStatus(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            assignee = alice                      | DEMO-1
            assignee = acc-alice                  | DEMO-1
            assignee = "alice@example.com"        | DEMO-1
            assignee = alice@example.com          | DEMO-1
            assignee = "Alice Liddell"            | DEMO-1
            assignee = ALICE                      | DEMO-1
            assignee != alice                     | DEMO-10 OPS-3
            assignee in (alice, carol)            | DEMO-1 OPS-3
            assignee not in (alice, carol)        | DEMO-10
            assignee is EMPTY                     | DEMO-2
            assignee IS null                      | DEMO-2
            assignee is not EMPTY                 | DEMO-1 DEMO-10 OPS-3
            assignee = EMPTY                      | DEMO-2
            assignee != empty                     | DEMO-1 DEMO-10 OPS-3
            assignee in (EMPTY, bob)              | DEMO-2 DEMO-10
            assignee not in (EMPTY, bob)          | DEMO-1 OPS-3
            assignee = currentUser()              | DEMO-1
            assignee = CURRENTUSER()              | DEMO-1
            assignee != currentUser()             | DEMO-10 OPS-3
            assignee in (currentUser(), carol)    | DEMO-1 OPS-3
            assignee in currentUser()             | DEMO-1
            assignee not in (currentUser(), bob)  | OPS-3
            reporter = alice                      | DEMO-2
            reporter = "Bob Builder"              | DEMO-1 DEMO-10
            reporter = currentUser()              | DEMO-2
            reporter != currentUser()             | DEMO-1 DEMO-10 OPS-3
            reporter in (bob, carol)              | DEMO-1 DEMO-10 OPS-3
            reporter not in (bob)                 | DEMO-2 OPS-3
            reporter is EMPTY                     |
            reporter is not EMPTY                 | DEMO-1 DEMO-2 DEMO-10 OPS-3
            """)
    void users(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            labels = urgent                    | DEMO-1 OPS-3
            labels = URGENT                    | DEMO-1 OPS-3
            labels != urgent                   | DEMO-10
            labels in (frontend, backend)      | DEMO-1 DEMO-10
            labels not in (urgent)             | DEMO-10
            labels not in (urgent, frontend)   |
            labels is EMPTY                    | DEMO-2
            labels is not EMPTY                | DEMO-1 DEMO-10 OPS-3
            labels in (EMPTY, frontend)        | DEMO-2 DEMO-10
            priority = High                    | DEMO-1
            priority = 2                       | DEMO-1
            priority = medium                  | DEMO-2
            priority != High                   | DEMO-2 DEMO-10
            priority in (Highest, High)        | DEMO-1 DEMO-10
            priority not in (Highest)          | DEMO-1 DEMO-2
            priority is EMPTY                  | OPS-3
            priority is not EMPTY              | DEMO-1 DEMO-2 DEMO-10
            resolution = Done                  | DEMO-10
            resolution = "won't do"            | OPS-3
            resolution = 'Won\\'t Do'          | OPS-3
            resolution != Done                 | OPS-3
            resolution in (Done, "Won't Do")   | DEMO-10 OPS-3
            resolution not in (Done)           | OPS-3
            resolution is EMPTY                | DEMO-1 DEMO-2
            resolution = Unresolved            | DEMO-1 DEMO-2
            resolution != Unresolved           | DEMO-10 OPS-3
            resolution is not EMPTY            | DEMO-10 OPS-3
            """)
    void labelsPriorityResolution(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            key = DEMO-1                       | DEMO-1
            key = demo-1                       | DEMO-1
            key = "DEMO-10"                    | DEMO-10
            issuekey = DEMO-2                  | DEMO-2
            issue = OPS-3                      | OPS-3
            key = 10002                        | DEMO-2
            id = 10002                         | DEMO-2
            id = DEMO-2                        | DEMO-2
            key = DEMO-99                      |
            key != DEMO-1                      | DEMO-2 DEMO-10 OPS-3
            key in (DEMO-1, OPS-3)             | DEMO-1 OPS-3
            key in (DEMO-1, 10010)             | DEMO-1 DEMO-10
            key not in (DEMO-1, OPS-3)         | DEMO-2 DEMO-10
            key > DEMO-1                       | DEMO-2 DEMO-10
            key >= DEMO-2                      | DEMO-2 DEMO-10
            key < DEMO-10                      | DEMO-1 DEMO-2
            key <= DEMO-2                      | DEMO-1 DEMO-2
            issuekey > ops-1                   | OPS-3
            key > OPS-3                        |
            id > 10002                         | DEMO-10 OPS-3
            id >= 10002                        | DEMO-2 DEMO-10 OPS-3
            id < 10003                         | DEMO-1 DEMO-2
            id <= 10003                        | DEMO-1 DEMO-2 OPS-3
            """)
    void keysAndIds(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            summary ~ login                    | DEMO-1
            summary ~ LOGIN                    | DEMO-1
            summary ~ "sso login"              | DEMO-1
            summary ~ "login dark"             |
            summary ~ "\\"fails with\\""       | DEMO-1
            summary ~ "\\"with fails\\""       |
            summary ~ "log*"                   | DEMO-1
            summary ~ "d?sk"                   | OPS-3
            summary ~ "db-1"                   | OPS-3
            summary !~ login                   | DEMO-2 DEMO-10 OPS-3
            summary !~ "the"                   | DEMO-1 DEMO-10 OPS-3
            summary is EMPTY                   |
            summary is not EMPTY               | DEMO-1 DEMO-2 DEMO-10 OPS-3
            """)
    void summaryTextSearch(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            cf[10016] = 3                      | DEMO-1
            "Story Points" = 3.0               | DEMO-1
            "story point estimate" = 5         | DEMO-2
            cf[10016] != 3                     | DEMO-2 DEMO-10
            cf[10016] > 3                      | DEMO-2 DEMO-10
            cf[10016] >= 5                     | DEMO-2 DEMO-10
            cf[10016] < 5                      | DEMO-1
            cf[10016] <= 5                     | DEMO-1 DEMO-2
            cf[10016] in (3, 8)                | DEMO-1 DEMO-10
            cf[10016] not in (3, 8)            | DEMO-2
            cf[10016] is EMPTY                 | OPS-3
            cf[10016] is not EMPTY             | DEMO-1 DEMO-2 DEMO-10
            """)
    void storyPoints(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            statusCategory = Done                 | DEMO-10 OPS-3
            statuscategory = new                  | DEMO-1
            statusCategory != done                | DEMO-1 DEMO-2
            statusCategory in ("To Do", 4)        | DEMO-1 DEMO-2
            statusCategory not in (Done)          | DEMO-1 DEMO-2
            component = auth                      | DEMO-1
            component in (Backend, Frontend)      | DEMO-1 DEMO-10
            component != Frontend                 | DEMO-1
            component is EMPTY                    | DEMO-2 OPS-3
            creator = currentUser()               | DEMO-2
            creator = bob                         | DEMO-1 DEMO-10
            creator not in (bob)                  | DEMO-2 OPS-3
            watcher = currentUser()               | DEMO-1 OPS-3
            watcher = carol                       | DEMO-1
            watcher != alice                      |
            watcher is EMPTY                      | DEMO-2 DEMO-10
            parent = DEMO-1                       | DEMO-2 DEMO-10
            parent = 10001                        | DEMO-2 DEMO-10
            parent in (demo-1)                    | DEMO-2 DEMO-10
            parent is EMPTY                       | DEMO-1 OPS-3
            parent != DEMO-1                      |
            description ~ "error 500"             | DEMO-1
            description ~ copyrihgt               | DEMO-10
            description !~ footer                 | DEMO-1
            description is EMPTY                  | DEMO-2 OPS-3
            text ~ safari                         | DEMO-1
            text ~ "WAL"                          | OPS-3
            text ~ footer                         | DEMO-10
            text !~ safari                        | DEMO-2 DEMO-10 OPS-3
            cf[10020] = "team red"                | DEMO-1
            cf[10020] in (10201, nope)            | DEMO-2
            cf[10020] != "Team Red"               | DEMO-2
            cf[10020] is EMPTY                    | DEMO-10 OPS-3
            duedate < now()                       | DEMO-10
            due >= startOfDay()                   | DEMO-1
            duedate is EMPTY                      | DEMO-2 OPS-3
            statusCategoryChangedDate >= -4d      | DEMO-2 DEMO-10 OPS-3
            statusCategoryChangedDate >= -3d      | DEMO-10 OPS-3
            """)
    void moreFieldsTheStoreServes(String jql, String expected) {
        assertThat(search(jql)).containsExactlyInAnyOrderElementsOf(keys(expected));
    }
}
