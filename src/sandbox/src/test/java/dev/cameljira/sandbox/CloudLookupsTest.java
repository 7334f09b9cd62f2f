package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@link LookupsContract} on Jira Cloud, plus the Cloud-only look-ups. */
class CloudLookupsTest extends LookupsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void cloudDashboardsCarryTheirSharingAndWhoMayEditThem() {
        JsonNode forUser = user.get("/rest/api/3/dashboard/10000").json();
        assertThat(forUser.get("systemDashboard").asBoolean()).isTrue();
        assertThat(forUser.get("isFavourite").asBoolean()).isFalse();
        assertThat(forUser.get("popularity").asInt()).isZero();
        assertThat(forUser.get("sharePermissions")).singleElement()
                .satisfies(p -> assertThat(p.get("type").asText()).isEqualTo("global"));
        assertThat(forUser.get("editPermissions")).isEmpty();
        assertThat(forUser.get("isWritable").asBoolean()).isFalse();
        assertThat(forUser.has("owner")).isFalse();
        assertThat(admin.get("/rest/api/3/dashboard/10000").json().get("isWritable").asBoolean())
                .as("administrators own the system dashboard").isTrue();
        JsonNode v2 = user.get("/rest/api/2/dashboard/10000").json();
        assertThat(v2.get("self").asText()).endsWith("/rest/api/2/dashboard/10000");
        assertThat(v2.get("systemDashboard").asBoolean()).isTrue();
    }

    @Test
    void dashboardSearchPagesTheMatchesWithWhatExpandAsksFor() {
        JsonNode plain = user.get("/rest/api/3/dashboard/search").json();
        assertThat(plain.get("total").asInt()).isEqualTo(1);
        assertThat(plain.get("isLast").asBoolean()).isTrue();
        assertThat(plain.get("maxResults").asInt()).isEqualTo(50);
        JsonNode system = plain.get("values").get(0);
        assertThat(system.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "self");

        JsonNode expanded = user.get("/rest/api/3/dashboard/search?dashboardName=SYSTEM&expand=viewUrl,favourite,"
                + "favouritedCount,sharePermissions,editPermissions,isWritableByUser,description,owner").json();
        assertThat(expanded.get("values")).singleElement().satisfies(d -> {
            assertThat(d.get("view").asText()).endsWith("/secure/Dashboard.jspa?selectPageId=10000");
            assertThat(d.get("isFavourite").asBoolean()).isFalse();
            assertThat(d.get("popularity").asInt()).isZero();
            assertThat(d.at("/sharePermissions/0/type").asText()).isEqualTo("global");
            assertThat(d.get("isWritable").asBoolean()).isFalse();
            assertThat(d.has("owner")).isFalse();
        });
        assertThat(expanded.get("self").asText()).contains("dashboardName=SYSTEM");

        assertThat(user.get("/rest/api/3/dashboard/search?dashboardName=sprint").json().get("values")).isEmpty();
        assertThat(user.get("/rest/api/3/dashboard/search?accountId=" + SandboxUsers.USER_ACCOUNT_ID).json()
                .get("total").asInt()).isZero();
        assertThat(user.get("/rest/api/3/dashboard/search?groupname=jira-software-users").json().get("total").asInt())
                .as("shared with everyone, not with a group").isZero();
        assertThat(user.get("/rest/api/3/dashboard/search?status=archived").json().get("total").asInt()).isZero();
        JsonNode page = user.get("/rest/api/3/dashboard/search?startAt=0&maxResults=0&orderBy=-id").json();
        assertThat(page.get("values")).isEmpty();
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).contains("startAt=0");
    }

    @Test
    void dashboardSearchRejectsBadParameters() {
        for (String bad : new String[] {"orderBy=rank", "expand=gadgets", "status=gone", "projectId=DEMO",
                "accountId=a&owner=b", "groupname=a&groupId=b"}) {
            Client.Resp resp = user.get("/rest/api/3/dashboard/search?" + bad);
            assertThat(resp.status()).as(bad).isEqualTo(400);
            assertThat(resp.json().at("/errorMessages/0").asText()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
        sandbox.admin().clearSpecViolations(); // the enum/type mismatches are the spec's request checks
    }

    @Test
    void groupUserPickerMatchesGroupsCaseSensitivelyUnlessAsked() {
        assertThat(user.get("/rest/api/3/groupuserpicker?query=JIRA").json().at("/groups/total").asInt()).isZero();
        JsonNode insensitive = user.get("/rest/api/2/groupuserpicker?query=ADMIN&caseInsensitive=true").json();
        assertThat(insensitive.at("/groups/groups")).extracting(g -> g.get("name").asText())
                .containsExactly("jira-administrators");
        assertThat(insensitive.at("/groups/groups/0/html").asText()).isEqualTo("jira-<b>admin</b>istrators");
        assertThat(insensitive.at("/users/users")).extracting(u -> u.get("accountId").asText())
                .containsExactly(SandboxUsers.ADMIN_ACCOUNT_ID);
    }

    @Test
    void statusesByIdAnswerTheKnownOnesInTheOrderAsked() {
        JsonNode found = user.get("/rest/api/3/statuses?id=10001&id=4711,3").json();
        assertThat(found).extracting(st -> st.get("name").asText()).containsExactly("Done", "In Progress");
        assertThat(found.get(0).get("statusCategory").asText()).isEqualTo("DONE");
        assertThat(found.get(0).at("/scope/type").asText()).isEqualTo("GLOBAL");
        Client.Resp none = user.get("/rest/api/3/statuses");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").has("id")).isTrue();
        SpecCheck.expectRequestViolations(sandbox);
    }

    @Test
    void resolutionSearchPagesFiltersByIdAndFindsTheDefault() {
        JsonNode all = user.get("/rest/api/3/resolution/search").json();
        assertThat(all.get("values")).extracting(r -> r.get("name").asText())
                .containsExactly("Done", "Won't Do", "Duplicate", "Cannot Reproduce");
        assertThat(all.get("total").asInt()).isEqualTo(4);
        assertThat(all.get("maxResults").asInt()).isEqualTo(50);
        assertThat(all.get("isLast").asBoolean()).isTrue();
        assertThat(all.at("/values/0/default").asBoolean()).isTrue();
        assertThat(all.at("/values/1/default").asBoolean()).isFalse();
        assertThat(all.at("/values/1/self").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/resolution/10001");

        JsonNode page = user.get("/rest/api/2/resolution/search?startAt=1&maxResults=2").json();
        assertThat(page.get("values")).extracting(r -> r.get("id").asText()).containsExactly("10001", "10002");
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).endsWith("/rest/api/2/resolution/search?startAt=3&maxResults=2");
        assertThat(user.get("/rest/api/3/resolution/search?id=10002&id=10003").json().get("values"))
                .extracting(r -> r.get("name").asText()).containsExactly("Duplicate", "Cannot Reproduce");
        assertThat(user.get("/rest/api/3/resolution/search?onlyDefault=true").json().get("values"))
                .extracting(r -> r.get("name").asText()).containsExactly("Done");
        assertThat(user.get("/rest/api/3/resolution/search?onlyDefault=true&id=10002").json().get("total").asInt())
                .isZero();
        assertThat(user.get("/rest/api/3/resolution/10000").json().get("name").asText())
                .as("resolution/{id} still answers").isEqualTo("Done");
        Client.Resp bad = user.get("/rest/api/3/resolution/search?maxResults=lots");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errorMessages/0").asText()).contains("maxResults");
    }

    @Test
    void jqlMatchTellsWhichIssuesEachQueryReturns() {
        String bug = sandbox.admin().createIssue("DEMO", "Bug", "match me");
        String task = sandbox.admin().createIssue("DEMO", "Task", "not a bug");
        long bugId = user.get("/rest/api/3/issue/" + bug).json().get("id").asLong();
        long taskId = user.get("/rest/api/3/issue/" + task).json().get("id").asLong();
        String body = "{\"issueIds\":[" + taskId + "," + bugId + ",999999],\"jqls\":[\"project = DEMO\","
                + "\"issuetype = Bug\",\"project = NOPE\",\"broken = = value\",\"assignee = currentUser()\"]}";
        JsonNode matches = user.post("/rest/api/3/jql/match", body).json().get("matches");
        assertThat(matches).hasSize(5);
        assertThat(matches.get(0).get("matchedIssues")).extracting(JsonNode::asLong).containsExactly(taskId, bugId);
        assertThat(matches.get(0).get("errors")).isEmpty();
        assertThat(matches.get(1).get("matchedIssues")).extracting(JsonNode::asLong).containsExactly(bugId);
        assertThat(matches.get(2).get("matchedIssues")).isEmpty();
        assertThat(matches.get(2).get("errors")).singleElement().satisfies(e -> assertThat(e.asText()).contains("NOPE"));
        assertThat(matches.get(3).get("errors")).isNotEmpty();
        assertThat(matches.get(4).get("matchedIssues")).isEmpty();
        assertThat(matches.get(4).get("errors")).isEmpty();

        JsonNode v2 = user.post("/rest/api/2/jql/match", "{\"issueIds\":[" + bugId + "],\"jqls\":[\"key = " + bug
                + "\"]}").json();
        assertThat(v2.at("/matches/0/matchedIssues/0").asLong()).isEqualTo(bugId);

        Client.Resp noJqls = user.post("/rest/api/3/jql/match", "{\"issueIds\":[1]}");
        assertThat(noJqls.status()).isEqualTo(400);
        assertThat(noJqls.json().get("errors").has("jqls")).isTrue();
        Client.Resp badId = user.post("/rest/api/3/jql/match", "{\"issueIds\":[\"DEMO-1\"],\"jqls\":[]}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").has("issueIds")).isTrue();
        SpecCheck.expectRequestViolations(sandbox);
    }

    @Test
    void theParameterSetsJiraJsSendsAreTakenAsJiraTakesThem() {
        // groupAndUserPicker.findUsersAndGroups with every option jira.js knows
        JsonNode picked = user.get("/rest/api/3/groupuserpicker?query=user&maxResults=5&showAvatar=true&fieldId=assignee"
                + "&projectId=10000&issueTypeId=10001&avatarSize=small&caseInsensitive=true&excludeConnectAddons=true").json();
        assertThat(picked.at("/users/users")).singleElement().satisfies(u -> {
            assertThat(u.get("accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
            assertThat(u.get("avatarUrl").asText()).contains("size=small");
        });
        // issueResolutions.searchResolutions sends startAt/maxResults as strings
        assertThat(user.get("/rest/api/3/resolution/search?startAt=0&maxResults=50&onlyDefault=false").json()
                .get("total").asInt()).isEqualTo(4);
        // dashboards.getAllDashboards and python jira's dashboards(): filter, startAt, maxResults
        assertThat(user.get("/rest/api/2/dashboard?startAt=0&maxResults=20").json().at("/dashboards/0/name").asText())
                .isEqualTo("System Dashboard");
        // jql.getFieldAutoCompleteForQueryString, anonymously as Cloud allows
        assertThat(anonymous.get("/rest/api/3/jql/autocompletedata/suggestions?fieldName=priority&fieldValue=Med").json()
                .get("results")).extracting(r -> r.get("value").asText()).containsExactly("Medium");
        assertThat(anonymous.get("/rest/api/3/jql/autocompletedata/suggestions?fieldName=assignee").json().get("results"))
                .as("no users for anonymous callers").isEmpty();
    }
}
