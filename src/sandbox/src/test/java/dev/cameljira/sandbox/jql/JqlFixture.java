package dev.cameljira.sandbox.jql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Four issues in two projects, searched by a user in Europe/Berlin (UTC+1 in November) at 2026-11-28 10:30 local
 * time, as alice.
 *
 * <pre>
 * key     id     type  status       assignee reporter labels           priority  resolution story points
 * DEMO-1  10001  Bug   To Do        alice    bob      backend, urgent  High (2)  -          3
 * DEMO-2  10002  Story In Progress  -        alice    -                Medium(3) -          5
 * DEMO-10 10010  Task  Done         bob      bob      frontend         Highest(1) Done      8
 * OPS-3   10003  Bug   Done         carol    carol    urgent           -         Won't Do   -
 * </pre>
 * Also: status categories (new / indeterminate / done), components, creator, watchers, parent (DEMO-2 is a child of
 * DEMO-1), descriptions, text, due date, custom field cf[10020] (a select list).
 */
final class JqlFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = berlin("2026-11-28 10:30:00");
    static final JqlContext AS_ALICE = new JqlContext(BERLIN, NOW, List.of("acc-alice", "alice"));

    static final TestIssue DEMO_1 = TestIssue.issue(10001, "DEMO-1")
            .with("project", "DEMO", "10000", "Demo Project")
            .with("issuetype", "Bug", "1")
            .with("status", "To Do", "10000")
            .with("assignee", "acc-alice", "alice", "alice@example.com", "Alice Liddell")
            .with("reporter", "acc-bob", "bob", "bob@example.com", "Bob Builder")
            .with("labels", "backend", "urgent")
            .with("priority", "High", "2")
            .with("summary", "Login fails with SSO")
            .with("description", "Users get an error 500 after the IdP redirect")
            .with("text", "Login fails with SSO", "Users get an error 500 after the IdP redirect", "Seen on Safari")
            .with("statuscategory", "new", "To Do", "2")
            .with("component", "Auth", "Backend")
            .with("creator", "acc-bob", "bob", "bob@example.com", "Bob Builder")
            .with("watcher", "acc-alice", "alice", "alice@example.com", "Alice Liddell", "acc-carol", "carol")
            .with("cf[10016]", "3")
            .with("cf[10020]", "Team Red", "10200")
            .at("duedate", berlin("2026-11-30 00:00:00"))
            .at("statuscategorychangeddate", berlin("2026-11-01 09:00:00"))
            .at("created", berlin("2026-11-01 09:00:00"))
            .at("updated", berlin("2026-11-28 10:15:59.999"))
            .build();

    static final TestIssue DEMO_2 = TestIssue.issue(10002, "DEMO-2")
            .with("project", "DEMO", "10000", "Demo Project")
            .with("issuetype", "Story", "10001")
            .with("status", "In Progress", "3")
            .with("reporter", "acc-alice", "alice", "alice@example.com", "Alice Liddell")
            .with("priority", "3", "Medium")
            .with("summary", "Add dark mode to the settings page")
            .with("text", "Add dark mode to the settings page")
            .with("statuscategory", "indeterminate", "In Progress", "4")
            .with("creator", "acc-alice", "alice", "alice@example.com", "Alice Liddell")
            .with("parent", "DEMO-1", "10001")
            .with("cf[10020]", "Team Blue", "10201")
            .at("statuscategorychangeddate", berlin("2026-11-25 09:00:00"))
            .with("cf[10016]", "5.0")
            .at("created", berlin("2026-11-20 14:00:00"))
            .at("updated", berlin("2026-11-27 08:00:00"))
            .build();

    static final TestIssue DEMO_10 = TestIssue.issue(10010, "DEMO-10")
            .with("project", "DEMO", "10000", "Demo Project")
            .with("issuetype", "Task", "10002")
            .with("status", "Done", "10001")
            .with("assignee", "acc-bob", "bob", "bob@example.com", "Bob Builder")
            .with("reporter", "acc-bob", "bob", "bob@example.com", "Bob Builder")
            .with("labels", "frontend")
            .with("priority", "Highest", "1")
            .with("resolution", "Done", "10000")
            .with("summary", "Fix typo in footer")
            .with("description", "The footer says 'Copyrihgt'")
            .with("text", "Fix typo in footer", "The footer says 'Copyrihgt'")
            .with("statuscategory", "done", "Done", "3")
            .with("component", "Frontend")
            .with("creator", "acc-bob", "bob", "bob@example.com", "Bob Builder")
            .with("parent", "DEMO-1", "10001")
            .at("duedate", berlin("2026-11-27 00:00:00"))
            .at("statuscategorychangeddate", berlin("2026-11-28 00:05:00"))
            .with("cf[10016]", "8")
            .at("created", berlin("2026-11-27 23:59:00"))
            .at("updated", berlin("2026-11-28 00:05:00"))
            .at("resolutiondate", berlin("2026-11-28 00:05:00"))
            .build();

    static final TestIssue OPS_3 = TestIssue.issue(10003, "OPS-3")
            .with("project", "OPS", "10100", "Operations")
            .with("issuetype", "Bug", "1")
            .with("status", "Done", "10001")
            .with("assignee", "acc-carol", "carol", "carol@example.com", "Carol Danvers")
            .with("reporter", "acc-carol", "carol", "carol@example.com", "Carol Danvers")
            .with("labels", "urgent")
            .with("resolution", "Won't Do", "10001")
            .with("summary", "Disk full on db-1")
            .with("text", "Disk full on db-1", "Cleaned up the WAL archive")
            .with("statuscategory", "done", "Done", "3")
            .with("creator", "acc-carol", "carol", "carol@example.com", "Carol Danvers")
            .with("watcher", "acc-alice", "alice", "alice@example.com", "Alice Liddell")
            .at("statuscategorychangeddate", berlin("2026-11-26 16:45:00"))
            .at("created", berlin("2026-10-15 12:00:00"))
            .at("updated", berlin("2026-11-26 16:45:00"))
            .at("resolutiondate", berlin("2026-11-26 16:45:00"))
            .build();

    static final List<TestIssue> ISSUES = List.of(DEMO_1, DEMO_2, DEMO_10, OPS_3);

    private JqlFixture() {
    }

    /** The keys of the fixture issues matching {@code jql}, in the query's order. */
    static List<String> search(String jql) {
        return search(jql, AS_ALICE, ISSUES);
    }

    static List<String> search(String jql, JqlContext context, List<TestIssue> issues) {
        return search(jql, context, issues, JqlOptions.DEFAULT);
    }

    static List<String> search(String jql, JqlContext context, List<TestIssue> issues, JqlOptions options) {
        JqlQuery query = Jql.parse(jql, options);
        return issues.stream()
                .filter(issue -> query.matches(issue, context))
                .sorted(query.ordering())
                .map(TestIssue::key)
                .toList();
    }

    /** Space-separated keys (a null or blank string is none). */
    static List<String> keys(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? List.of()
                : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    /** A wall-clock time in Berlin: {@code yyyy-MM-dd HH:mm:ss[.SSS]}. */
    static Instant berlin(String localDateTime) {
        return at(localDateTime, BERLIN);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]"))
                .atZone(zone).toInstant();
    }

    /** The messages {@code jql} is rejected with; fails when it is accepted. */
    static List<String> errors(String jql) {
        try {
            Jql.parse(jql);
        } catch (JqlException rejected) {
            return rejected.errorMessages();
        }
        throw new AssertionError("expected a JqlException for: " + jql);
    }
}
