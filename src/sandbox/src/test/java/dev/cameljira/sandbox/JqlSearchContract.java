package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JQL as Jira evaluates it, over HTTP in one deployment mode, every exchange validated against that mode's spec:
 * values that name nothing are a 400 with Jira's message on every search path; custom fields by name and
 * {@code cf[id]}; fixVersion, affectedVersion and sprint; history clauses (WAS, CHANGED and their predicates)
 * rebuilt from the changelog.
 */
abstract class JqlSearchContract extends ClockedModeContract {

    /** Monday 2026-03-02 09:00 UTC: the history fixture's issues are created then. */
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    JqlSearchContract() {
        super(T0);
    }

    /** The keys {@code jql} finds, through the mode's main search (Cloud POST search/jql, DC POST search). */
    protected abstract List<String> keys(String jql);

    /** The errorMessages of every search path of the mode for {@code jql}, which must each answer 400. */
    protected abstract List<List<String>> errorsOnEveryPath(String jql);

    /** The errorMessages of the mode's main search for {@code jql}, which must answer 400. */
    protected List<String> errors(String jql) {
        Client.Resp r = mainSearch(jql);
        assertThat(r.status()).as(jql + ": " + r.text()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        r.json().get("errorMessages").forEach(m -> messages.add(m.asText()));
        return messages;
    }

    /** The mode's main search (Cloud POST search/jql, DC POST search) for {@code jql}, fields summary. */
    protected abstract Client.Resp mainSearch(String jql);

    /** A user reference of REST v2 in this mode. */
    protected abstract Map<String, String> userRef(String accountId, String name);

    protected static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    protected static List<String> keysOf(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("issues").forEach(issue -> keys.add(issue.get("key").asText()));
        return keys;
    }

    // ---- 1. values are checked ------------------------------------------------------------------------------

    @Test
    void valuesThatNameNothingAreRejectedWithJirasMessageOnEverySearchPath() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("project = NOPE", List.of("The value 'NOPE' does not exist for the field 'project'."));
        cases.put("status in (Done, Nope, \"Not There\")", List.of(
                "The value 'Nope' does not exist for the field 'status'.",
                "The value 'Not There' does not exist for the field 'status'."));
        cases.put("priority = 99", List.of("A value with ID '99' does not exist for the field 'priority'."));
        cases.put("type = Epic", List.of("The value 'Epic' does not exist for the field 'type'."));
        cases.put("resolution = Fixed", List.of("The value 'Fixed' does not exist for the field 'resolution'."));
        cases.put("component = Database", List.of("The value 'Database' does not exist for the field 'component'."));
        cases.put("assignee = nobody OR reporter in (ghost)", List.of(
                "The value 'nobody' does not exist for the field 'assignee'.",
                "The value 'ghost' does not exist for the field 'reporter'."));
        cases.put("issuekey = DEMO-9999", List.of("An issue with key 'DEMO-9999' does not exist for field 'issuekey'."));
        cases.put("key in (DEMO-9998, NOPE-1)", List.of(
                "An issue with key 'DEMO-9998' does not exist for field 'key'.",
                "An issue with key 'NOPE-1' does not exist for field 'key'."));
        cases.put("project = DEMO AND NOT status = Nope", List.of(
                "The value 'Nope' does not exist for the field 'status'."));
        cases.forEach((jql, messages) -> assertThat(errorsOnEveryPath(jql)).as(jql)
                .isNotEmpty().allSatisfy(errors -> assertThat(errors).containsExactlyElementsOf(messages)));
    }

    @Test
    void valuesThatExistAreFoundByNameIdOrAnyOfTheirNames() {
        String key = sandbox.admin().createIssue("DEMO", "Bug", "known values", Map.of("labels", List.of("known"),
                "priority", Map.of("name", "High"), "components", List.of(Map.of("name", "Backend")),
                "assignee", userRef(SandboxUsers.USER_ACCOUNT_ID, SandboxUsers.USER_NAME)));
        for (String jql : List.of("project = Demo", "project = 10000", "project in (demo)", "status = \"to do\"",
                "status = 10000", "type = bug", "priority = 2", "priority = High", "resolution = Unresolved",
                "resolution is EMPTY", "component = backend", "assignee = \"" + SandboxUsers.USER_EMAIL + "\"",
                "assignee = \"" + SandboxUsers.USER_DISPLAY_NAME + "\"", "reporter = currentUser()",
                "statusCategory = \"To Do\"", "key = " + key.toLowerCase())) {
            assertThat(keys("labels = known AND " + jql)).as(jql).containsExactly(key);
        }
    }

    // ---- 2. field coverage ----------------------------------------------------------------------------------

    @Test
    void customFieldsAreSearchedByNameAndByIdAsTheirTypeAllows() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "custom", Map.of("labels", List.of("custom"),
                "customfield_10016", 5, "customfield_10040", Map.of("value", "Major"),
                "customfield_10001", "Core platform", "customfield_10050", List.of("eu-west", "prod")));
        sandbox.admin().createIssue("DEMO", "Task", "custom, other", Map.of("labels", List.of("custom"),
                "customfield_10016", 1));
        for (String jql : List.of("\"Story Points\" > 3", "cf[10016] = 5", "\"story points\" in (4, 5)",
                "Severity = Major", "cf[10040] = 10101", "Severity != Minor", "Team ~ core", "cf[10001] ~ \"platform\"",
                "\"Environment Tags\" = eu-west", "\"Environment Tags\" in (prod, staging)", "Severity is not EMPTY")) {
            assertThat(keys("labels = custom AND " + jql)).as(jql).containsExactly(key);
        }
        assertThat(errors("Team = Core"))
                .containsExactly("The operator '=' is not supported by the 'Team' field.");
        assertThat(errors("cf[99999] = 1"))
                .containsExactly("Field 'cf[99999]' does not exist or you do not have permission to view it.");
    }

    /** Creates a version of DEMO through the REST API ({@code extra}: more JSON members); returns its id. */
    protected String version(String name, String extra) {
        return version("DEMO", name, extra);
    }

    protected String version(String project, String name, String extra) {
        Client.Resp r = admin.post("/rest/api/2/version", "{\"name\":\"" + name + "\",\"project\":\"" + project + "\""
                + extra + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void versionsAndSprintsAreSearchable() {
        String v1 = version("1.0", "");
        String v2 = version("2.0", "");
        String released = sandbox.admin().createIssue("DEMO", "Bug", "versions", Map.of("labels", List.of("versioned"),
                "fixVersions", List.of(Map.of("id", v2)), "versions", List.of(Map.of("name", "1.0"))));
        String bare = sandbox.admin().createIssue("DEMO", "Bug", "no versions", Map.of("labels", List.of("versioned")));

        assertThat(keys("labels = versioned AND fixVersion = \"2.0\"")).containsExactly(released);
        assertThat(keys("labels = versioned AND fixVersion in (" + v2 + ")")).containsExactly(released);
        assertThat(keys("labels = versioned AND affectedVersion = \"1.0\"")).containsExactly(released);
        assertThat(keys("labels = versioned AND affectedVersion = " + v1)).containsExactly(released);
        assertThat(keys("labels = versioned AND fixVersion is EMPTY")).containsExactly(bare);
        assertThat(keys("labels = versioned AND sprint is EMPTY")).containsExactlyInAnyOrder(released, bare);
        assertThat(keys("labels = versioned AND sprint in openSprints()")).isEmpty();
        assertThat(errors("fixVersion = \"9.9\""))
                .containsExactly("The value '9.9' does not exist for the field 'fixVersion'.");
    }

    @Test
    void aVersionNobodyUsesStillExistsForTheQuery() {
        version("unused-1", "");
        assertThat(keys("fixVersion = \"unused-1\"")).isEmpty();
        assertThat(errors("affectedVersion = \"unused-2\""))
                .containsExactly("The value 'unused-2' does not exist for the field 'affectedVersion'.");
    }

    /**
     * A new project FNV's versions in project order: r1 (released), r2 (released, archived), r3 (released), u1
     * (unreleased, archived), u2 (unreleased), u3 (unreleased); one issue fixed in each.
     */
    @Test
    void versionFunctionsAndComparisonsFollowReleaseStateAndProjectOrder() {
        Client.Resp project = admin.post("/rest/api/2/project", "{\"key\":\"FNV\",\"name\":\"Functions\","
                + "\"projectTypeKey\":\"software\",\"lead\":\"" + SandboxUsers.ADMIN_NAME + "\",\"leadAccountId\":\""
                + SandboxUsers.ADMIN_ACCOUNT_ID + "\"}");
        assertThat(project.status()).as(project.text()).isEqualTo(201);
        Map<String, String> issueByVersion = new LinkedHashMap<>();
        for (String name : List.of("fn-r1", "fn-r2", "fn-r3", "fn-u1", "fn-u2", "fn-u3")) {
            String extra = (name.contains("-r") ? ",\"released\":true" : "")
                    + (name.equals("fn-r2") || name.equals("fn-u1") ? ",\"archived\":true" : "");
            String id = version("FNV", name, extra);
            issueByVersion.put(name, sandbox.admin().createIssue("FNV", "Task", "fixed in " + name,
                    Map.of("labels", List.of("fnver"), "fixVersions", List.of(Map.of("id", id)))));
        }
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("fixVersion in releasedVersions()", List.of("fn-r1", "fn-r3"));
        cases.put("fixVersion in releasedVersions(FNV)", List.of("fn-r1", "fn-r3"));
        cases.put("fixVersion in releasedVersions(DEMO)", List.of());
        cases.put("fixVersion in unreleasedVersions(\"Functions\")", List.of("fn-u2", "fn-u3"));
        cases.put("fixVersion not in unreleasedVersions()", List.of("fn-r1", "fn-r2", "fn-r3", "fn-u1"));
        cases.put("fixVersion = latestReleasedVersion(FNV)", List.of("fn-r3"));
        cases.put("fixVersion = earliestUnreleasedVersion(FNV)", List.of("fn-u2"));
        cases.put("fixVersion != earliestUnreleasedVersion(FNV)", List.of("fn-r1", "fn-r2", "fn-r3", "fn-u1", "fn-u3"));
        cases.put("fixVersion in releasedVersions(NOPE)", List.of());
        cases.put("fixVersion > \"fn-u1\"", List.of("fn-u2", "fn-u3"));
        cases.put("fixVersion <= \"fn-r2\"", List.of("fn-r1", "fn-r2"));
        cases.put("fixVersion < latestReleasedVersion(FNV)", List.of("fn-r1", "fn-r2"));
        cases.put("fixVersion >= earliestUnreleasedVersion(FNV)", List.of("fn-u2", "fn-u3"));
        cases.forEach((jql, versions) -> assertThat(keys("labels = fnver AND " + jql)).as(jql)
                .containsExactlyInAnyOrderElementsOf(versions.stream().map(issueByVersion::get).toList()));

        // releasing u2 through the API makes u3 the earliest unreleased and u2 the latest released
        JsonNode all = admin.get("/rest/api/2/project/FNV/versions").json();
        String u2Id = null;
        for (JsonNode v : all) {
            if (v.get("name").asText().equals("fn-u2")) {
                u2Id = v.get("id").asText();
            }
        }
        assertThat(admin.put("/rest/api/2/version/" + u2Id, "{\"released\":true}").status()).isEqualTo(200);
        assertThat(keys("labels = fnver AND fixVersion = earliestUnreleasedVersion(FNV)"))
                .containsExactly(issueByVersion.get("fn-u3"));
        assertThat(keys("labels = fnver AND fixVersion = latestReleasedVersion(FNV)"))
                .containsExactly(issueByVersion.get("fn-u2"));
        assertThat(errors("fixVersion = latestReleasedVersion()"))
                .containsExactly("Function 'latestReleasedVersion' expected '1' arguments but received '0'.");
    }

    // ---- 3. history operators -------------------------------------------------------------------------------

    /**
     * Two issues created at T0 (To Do, Medium, unassigned): the first is assigned to the user at T0+1d, made High at
     * T0+1d 12:00, started at T0+2d and done at T0+3d, all by the admin; the second never changes.
     */
    private String[] history(String label) {
        clock.set(T0);
        String moved = sandbox.admin().createIssue("DEMO", "Task", "moved", Map.of("labels", List.of(label)));
        String still = sandbox.admin().createIssue("DEMO", "Task", "still", Map.of("labels", List.of(label)));
        clock.set(T0.plus(Duration.ofDays(1)));
        sandbox.admin().updateIssue(moved, Map.of("assignee", userRef(SandboxUsers.USER_ACCOUNT_ID, SandboxUsers.USER_NAME)));
        clock.set(T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)));
        sandbox.admin().updateIssue(moved, Map.of("priority", Map.of("name", "High")));
        clock.set(T0.plus(Duration.ofDays(2)));
        sandbox.admin().transition(moved, "In Progress");
        clock.set(T0.plus(Duration.ofDays(3)));
        sandbox.admin().transition(moved, "Done");
        clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
        return new String[] {moved, still};
    }

    @Test
    void wasFindsEveryValueAFieldHeldNarrowedByItsPredicates() {
        String[] issues = history("was");
        String moved = issues[0];
        String still = issues[1];
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("status WAS \"In Progress\"", List.of(moved));
        cases.put("status WAS Done", List.of(moved));
        cases.put("status WAS \"To Do\"", List.of(moved, still));
        cases.put("status WAS IN (\"In Progress\", Done)", List.of(moved));
        cases.put("status WAS NOT \"In Progress\"", List.of(still));
        cases.put("status WAS NOT IN (\"In Progress\", Done)", List.of(still));
        cases.put("NOT status WAS \"In Progress\"", List.of(still));
        cases.put("status WAS \"In Progress\" BEFORE \"2026/03/05\"", List.of(moved));
        cases.put("status WAS \"In Progress\" BEFORE \"2026-03-04 08:59\"", List.of());
        cases.put("status WAS \"To Do\" AFTER \"2026-03-04 10:00\"", List.of(still));
        cases.put("status WAS \"In Progress\" ON \"2026-03-04\"", List.of(moved));
        cases.put("status WAS \"In Progress\" ON \"2026/03/03\"", List.of());
        cases.put("status WAS \"In Progress\" DURING (\"2026/03/04 12:00\", \"2026/03/04 13:00\")", List.of(moved));
        cases.put("status WAS \"In Progress\" DURING (\"2026/03/05 10:00\", now())", List.of());
        cases.put("status WAS Done BY currentUser()", List.of(moved));
        cases.put("status WAS Done BY " + SandboxUsers.USER_NAME, List.of());
        cases.put("status WAS \"In Progress\" AFTER -2d", List.of(moved));
        cases.put("status WAS \"In Progress\" AFTER -1h", List.of());
        cases.put("assignee WAS EMPTY", List.of(moved, still));
        cases.put("assignee WAS \"" + SandboxUsers.USER_EMAIL + "\"", List.of(moved));
        cases.put("assignee WAS EMPTY AFTER \"2026/03/03 09:01\"", List.of(still));
        cases.put("priority WAS Medium BEFORE startOfDay(-2d)", List.of(moved, still));
        cases.put("priority WAS High", List.of(moved));
        cases.put("resolution WAS EMPTY AFTER -2w", List.of(moved, still));
        cases.put("resolution WAS Done", List.of(moved));
        cases.put("resolution WAS Unresolved BEFORE \"2026/03/03\"", List.of(moved, still));
        cases.put("reporter WAS currentUser()", List.of(moved, still));
        cases.forEach((jql, expected) -> assertThat(keys("labels = was AND " + jql)).as(jql)
                .containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void changedFindsChangesByValueTimeAndAuthor() {
        String[] issues = history("changed");
        String moved = issues[0];
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("status CHANGED", List.of(moved));
        cases.put("status CHANGED FROM \"To Do\" TO \"In Progress\"", List.of(moved));
        cases.put("status CHANGED FROM \"To Do\" TO Done", List.of());
        cases.put("status CHANGED TO Done BY currentUser()", List.of(moved));
        cases.put("status CHANGED BY " + SandboxUsers.USER_NAME, List.of());
        cases.put("status CHANGED AFTER -1d", List.of(moved));
        cases.put("status CHANGED BEFORE \"2026/03/04\"", List.of());
        cases.put("status CHANGED ON \"2026-03-04\" TO \"In Progress\"", List.of(moved));
        cases.put("status CHANGED DURING (\"2026-03-04 00:00\", \"2026-03-04 09:00\")", List.of(moved));
        cases.put("status CHANGED DURING (\"2026-03-04 09:01\", \"2026-03-04 23:00\")", List.of());
        cases.put("assignee CHANGED FROM EMPTY TO \"" + SandboxUsers.USER_DISPLAY_NAME + "\"", List.of(moved));
        cases.put("priority CHANGED FROM Medium TO High AFTER \"2026/03/03 11:59\"", List.of(moved));
        cases.put("resolution CHANGED TO Done", List.of(moved));
        cases.put("resolution CHANGED FROM EMPTY", List.of(moved));
        cases.put("reporter CHANGED", List.of());
        cases.put("NOT status CHANGED AFTER -2w", List.of(issues[1]));
        cases.forEach((jql, expected) -> assertThat(keys("labels = changed AND " + jql)).as(jql)
                .containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void fixVersionHistoryIsReadFromTheChangelogTheRestApiWrites() {
        clock.set(T0);
        String v1 = version("hist-1.0", "");
        String v2 = version("hist-2.0", "");
        String key = sandbox.admin().createIssue("DEMO", "Task", "moved to 2.0", Map.of("labels", List.of("fixhist"),
                "fixVersions", List.of(Map.of("id", v1))));
        // a day later the admin moves it from 1.0 to 2.0 through PUT /issue (one changelog item per version)
        clock.set(T0.plus(Duration.ofDays(1)));
        Client.Resp edit = admin.put("/rest/api/2/issue/" + key, "{\"fields\":{\"fixVersions\":[{\"id\":\"" + v2 + "\"}]}}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(204);
        JsonNode items = sandbox.admin().issue(key).get("changelog").get("histories").get(0).get("items");
        assertThat(items).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("field").asText()).isEqualTo("Fix Version");
            if (item.has("fieldId")) { // Cloud only: Data Center's changelog items have no fieldId
                assertThat(item.get("fieldId").asText()).isEqualTo("fixVersions");
            }
        });
        clock.set(T0.plus(Duration.ofDays(2)));
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("fixVersion WAS \"hist-1.0\"", true);
        cases.put("fixVersion WAS " + v1, true);
        cases.put("fixVersion = \"hist-1.0\"", false);
        cases.put("fixVersion WAS \"hist-1.0\" AFTER \"2026/03/03 09:01\"", false);
        cases.put("fixVersion WAS IN (\"hist-1.0\", " + v2 + ") BEFORE \"2026/03/03\"", true);
        cases.put("fixVersion WAS NOT \"hist-2.0\" BEFORE \"2026/03/03\"", true);
        cases.put("fixVersion WAS \"hist-2.0\" BEFORE \"2026/03/03\"", false);
        cases.put("fixVersion CHANGED", true);
        cases.put("fixVersion CHANGED FROM \"hist-1.0\"", true);
        cases.put("fixVersion CHANGED FROM \"hist-1.0\" TO \"hist-2.0\"", true);
        cases.put("fixVersion CHANGED TO \"hist-2.0\" BY currentUser() ON \"2026/03/03\"", true);
        cases.put("fixVersion CHANGED TO \"hist-1.0\"", false);
        cases.put("fixVersion CHANGED AFTER \"2026/03/03 09:01\"", false);
        cases.forEach((jql, found) -> assertThat(keys("labels = fixhist AND " + jql)).as(jql)
                .isEqualTo(found ? List.of(key) : List.of()));
    }

    @Test
    void textSearchMatchesTheWordsNotTheWikiMarkup() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "rich", Map.of("labels", List.of("richsearch"),
                "description", "h1. Heading\n*bold* word and [the docs|https://example.org/guide]"));
        sandbox.admin().addComment(key, "_quiet_ remark with {{code}}");
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("description ~ bold", true);
        cases.put("description ~ \"\\\"bold word\\\"\"", true);
        cases.put("description ~ \"\\\"the docs\\\"\"", true);
        cases.put("description ~ example", false);
        cases.put("description ~ h1", false);
        cases.put("comment ~ \"\\\"quiet remark\\\"\"", true);
        cases.put("comment ~ \"\\\"with code\\\"\"", true);
        cases.put("text ~ \"\\\"quiet remark\\\"\"", true);
        cases.put("text ~ \"\\\"bold word\\\"\"", true);
        cases.put("text ~ example", false);
        cases.forEach((jql, found) -> assertThat(keys("labels = richsearch AND " + jql)).as(jql)
                .isEqualTo(found ? List.of(key) : List.of()));
    }

    @Test
    void historySearchesOfOtherFieldsOrUnknownValuesAreRejected() {
        assertThat(errors("summary WAS x"))
                .containsExactly("History searches do not support the 'summary' field.");
        assertThat(errors("labels CHANGED"))
                .containsExactly("History searches do not support the 'labels' field.");
        assertThat(errors("status WAS Nope"))
                .containsExactly("The value 'Nope' does not exist for the field 'status'.");
        assertThat(errors("status CHANGED TO Nope AFTER \"2026/13/01\""))
                .contains("The value 'Nope' does not exist for the field 'status'.")
                .anySatisfy(e -> assertThat(e).startsWith("Date value '2026/13/01'"));
    }
}
