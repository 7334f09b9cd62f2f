package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EndpointsContract} on Jira Cloud, plus the Cloud-only {@code GET label}. */
class CloudEndpointsTest extends EndpointsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    @Test
    void labelsInUseArePagedAndSorted() {
        sandbox.admin().createIssue("DEMO", "Task", "labelled", java.util.Map.of("labels", java.util.List.of("zeta", "alpha")));
        sandbox.admin().createIssue("DEMO", "Task", "labelled too", java.util.Map.of("labels", java.util.List.of("mid", "alpha")));
        JsonNode all = user.get("/rest/api/3/label").json();
        java.util.List<String> values = new java.util.ArrayList<>();
        all.get("values").forEach(v -> values.add(v.asText()));
        assertThat(values).containsSubsequence("alpha", "mid", "zeta").doesNotHaveDuplicates().isSorted();
        assertThat(all.get("total").asInt()).isEqualTo(values.size());
        assertThat(all.get("isLast").asBoolean()).isTrue();
        JsonNode page = user.get("/rest/api/2/label?startAt=1&maxResults=1").json();
        assertThat(page.get("values")).extracting(JsonNode::asText).containsExactly(values.get(1));
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).endsWith("/rest/api/2/label?maxResults=1&startAt=2");
    }

    @Test
    void myPermissionsNeedThePermissionsParameterAndAllPermissionsAreOpenToAnyone() {
        Client.Resp none = user.get("/rest/api/3/mypermissions?projectKey=DEMO");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errorMessages/0").asText()).isEqualTo("The 'permissions' query parameter is required.");
        assertThat(user.get("/rest/api/2/mypermissions?permissions=BROWSE").status()).as("retired key").isEqualTo(400);
        Client.Resp badKey = user.get("/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,FLY");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().at("/errorMessages/0").asText()).contains("FLY");

        JsonNode all = Client.anonymous(sandbox).get("/rest/api/3/permissions").json().get("permissions");
        assertThat(all.fieldNames()).toIterable().contains("BROWSE_PROJECTS", "ADMINISTER", "DELETE_ISSUES")
                .doesNotContain("BROWSE");
        assertThat(all.at("/BULK_CHANGE/type").asText()).isEqualTo("GLOBAL");
        assertThat(all.get("BULK_CHANGE").has("havePermission")).isFalse();
    }

    @Test
    void fieldSearchPagesAndFiltersTheFields() {
        JsonNode custom = user.get("/rest/api/3/field/search?type=custom").json();
        assertThat(custom.get("values")).extracting(f -> f.get("id").asText())
                .containsExactly("customfield_10001", "customfield_10016", "customfield_10040", "customfield_10050");
        assertThat(custom.get("total").asInt()).isEqualTo(4);
        assertThat(custom.get("isLast").asBoolean()).isTrue();
        assertThat(custom.at("/values/1/schema/type").asText()).isEqualTo("number");

        JsonNode named = user.get("/rest/api/2/field/search?query=SEVER").json();
        assertThat(named.get("values")).singleElement().satisfies(f -> assertThat(f.get("name").asText()).isEqualTo("Severity"));
        JsonNode byId = user.get("/rest/api/3/field/search?id=summary&id=customfield_10016&orderBy=-name").json();
        assertThat(byId.get("values")).extracting(f -> f.get("name").asText()).containsExactly("Summary", "Story Points");

        JsonNode system = user.get("/rest/api/3/field/search?type=system&startAt=1&maxResults=2").json();
        assertThat(system.get("startAt").asInt()).isEqualTo(1);
        assertThat(system.get("values")).hasSize(2);
        assertThat(system.get("isLast").asBoolean()).isFalse();
        assertThat(system.get("values")).allSatisfy(f -> assertThat(f.get("id").asText()).doesNotStartWith("customfield_"));
        assertThat(system.get("total").asInt()).isEqualTo(user.get("/rest/api/3/field").json().size() - 4);
    }

    @Test
    void myFiltersAndFilterSearchPageTheCallersFilters() {
        for (String name : List.of("Zeta board", "alpha work", "Alpha release")) {
            assertThat(user.post("/rest/api/3/filter", "{\"name\":\"" + name + "\",\"jql\":\"project = DEMO\"}").status())
                    .isEqualTo(200);
        }
        assertThat(admin.post("/rest/api/3/filter", "{\"name\":\"Alpha admin\",\"jql\":\"\"}").status()).isEqualTo(200);
        assertThat(user.get("/rest/api/3/filter/my").json()).extracting(f -> f.get("name").asText())
                .containsExactly("Zeta board", "alpha work", "Alpha release");

        JsonNode page = user.get("/rest/api/3/filter/search?filterName=alpha&maxResults=1").json();
        assertThat(page.get("total").asInt()).as("case-insensitive, the caller's only").isEqualTo(2);
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.at("/values/0/name").asText()).isEqualTo("Alpha release");
        assertThat(page.at("/values/0").has("jql")).as("only id, name and self unless expanded").isFalse();
        JsonNode expanded = user.get("/rest/api/2/filter/search?filterName=zeta&expand=jql,owner").json();
        assertThat(expanded.at("/values/0/jql").asText()).isEqualTo("project = DEMO");
        assertThat(expanded.at("/values/0/owner/accountId").asText()).isEqualTo(SandboxUsers.USER_ACCOUNT_ID);
        JsonNode byId = user.get("/rest/api/3/filter/search?orderBy=-name").json();
        assertThat(byId.get("values")).extracting(f -> f.get("name").asText())
                .containsExactly("Zeta board", "alpha work", "Alpha release");
    }

    @Test
    void issueTypesOfAProjectById() {
        JsonNode types = user.get("/rest/api/3/issuetype/project?projectId=10000").json();
        assertThat(types).extracting(t -> t.get("name").asText()).containsExactly("Task", "Bug", "Story", "Sub-task");
        assertThat(user.get("/rest/api/3/issuetype/project?projectId=10000&level=-1").json())
                .extracting(t -> t.get("name").asText()).containsExactly("Sub-task");
        Client.Resp unknown = user.get("/rest/api/3/issuetype/project?projectId=4711");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("4711");
        Client.Resp missing = user.get("/rest/api/3/issuetype/project");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errorMessages/0").asText()).contains("projectId");
        SpecCheck.expectRequestViolations(sandbox, "validation.request.parameter.query.missing");
    }

    @Test
    void bulkFetchUserGroupsUserBulkAndWorklogProperties() {
        String a = sandbox.admin().createIssue("DEMO", "Task", "fetch me");
        String b = sandbox.admin().createIssue("DEMO", "Bug", "and me");
        JsonNode fetched = user.post("/rest/api/3/issue/bulkfetch",
                "{\"issueIdsOrKeys\":[\"" + b + "\",\"" + a + "\",\"DEMO-99999\"],\"fields\":[\"summary\"]}").json();
        assertThat(fetched.get("issues")).extracting(i -> i.get("key").asText()).containsExactly(b, a);
        assertThat(fetched.at("/issues/0/fields/summary").asText()).isEqualTo("and me");
        assertThat(fetched.at("/issues/0/fields/status").isMissingNode()).isTrue();
        assertThat(fetched.get("issueErrors")).isEmpty();
        assertThat(user.post("/rest/api/3/issue/bulkfetch", "{\"issueIdsOrKeys\":[]}").json().at("/errors/issueIdsOrKeys").asText())
                .isNotEmpty();

        JsonNode groups = user.get("/rest/api/3/user/groups?accountId=" + SandboxUsers.USER_ACCOUNT_ID).json();
        assertThat(groups).extracting(g -> g.get("name").asText()).containsExactly("jira-software-users");
        JsonNode bulk = user.get("/rest/api/3/user/bulk?accountId=" + SandboxUsers.USER_ACCOUNT_ID + "&accountId=nope").json();
        assertThat(bulk.get("values")).extracting(u -> u.get("displayName").asText()).containsExactly("Sandbox User");
        assertThat(user.get("/rest/api/3/project/type/accessible").json()).isNotEmpty();

        String worklog = admin.post("/rest/api/3/issue/" + a + "/worklog", "{\"timeSpentSeconds\":60}").json().get("id").asText();
        String prop = "/rest/api/3/issue/" + a + "/worklog/" + worklog + "/properties/billed";
        assertThat(admin.put(prop, "true").status()).isEqualTo(201);
        assertThat(user.get(prop).json().get("value").asBoolean()).isTrue();
        assertThat(user.put(prop, "false").status()).isEqualTo(403);
        assertThat(user.get("/rest/api/3/issue/" + a + "/worklog/1/properties").status()).isEqualTo(404);
    }

    @Test
    void filterFavouritesFollowPutAndDelete() {
        String id = admin.post("/rest/api/3/filter", "{\"name\":\"fav\",\"jql\":\"project = DEMO\"}").json().get("id").asText();
        JsonNode marked = admin.put("/rest/api/3/filter/" + id + "/favourite", "").json();
        assertThat(marked.get("favourite").asBoolean()).isTrue();
        assertThat(admin.get("/rest/api/3/filter/favourite").json()).extracting(f -> f.get("id").asText()).contains(id);
        assertThat(admin.delete("/rest/api/3/filter/" + id + "/favourite").json().get("favourite").asBoolean()).isFalse();
        assertThat(admin.get("/rest/api/3/filter/favourite").json()).extracting(f -> f.get("id").asText()).doesNotContain(id);
        assertThat(admin.put("/rest/api/3/filter/999999/favourite", "").status()).isEqualTo(404);
    }

    @Test
    void jqlParseReportsStructureErrorsAndWarnings() {
        String body = "{\"queries\":[\"project = DEMO AND status WAS Done AFTER -1d ORDER BY key DESC\","
                + "\"project = NOPE\",\"status = \"]}";
        JsonNode strict = user.post("/rest/api/3/jql/parse?validation=strict", body).json().get("queries");
        assertThat(strict.at("/0/structure/where/operator").asText()).isEqualTo("and");
        assertThat(strict.at("/0/structure/where/clauses/0/field/name").asText()).isEqualTo("project");
        assertThat(strict.at("/0/structure/where/clauses/1/predicates/0/operator").asText()).isEqualTo("after");
        assertThat(strict.at("/0/structure/orderBy/fields/0/direction").asText()).isEqualTo("desc");
        assertThat(strict.at("/0").has("errors")).isFalse();
        assertThat(strict.at("/1/errors/0").asText()).contains("NOPE");
        assertThat(strict.at("/2/errors/0").asText()).startsWith("Error in the JQL Query");
        assertThat(strict.at("/2").has("structure")).isFalse();
        JsonNode warn = user.post("/rest/api/3/jql/parse?validation=warn", body).json().get("queries");
        assertThat(warn.at("/1/warnings/0").asText()).contains("NOPE");
        assertThat(warn.at("/1").has("errors")).isFalse();
        assertThat(user.post("/rest/api/3/jql/parse?validation=none", body).json().at("/queries/1").has("warnings")).isFalse();
        assertThat(user.post("/rest/api/3/jql/parse?validation=strict", "{\"queries\":[]}").status()).isEqualTo(400);
    }

    @Test
    void statusSearchTimeTrackingAndLocale() {
        JsonNode done = user.get("/rest/api/3/statuses/search?statusCategory=DONE").json();
        assertThat(done.get("values")).extracting(s -> s.get("name").asText()).containsExactly("Done");
        assertThat(user.get("/rest/api/3/statuses/search?maxResults=1").json().has("nextPage")).isTrue();
        assertThat(admin.get("/rest/api/3/configuration/timetracking").json().get("key").asText()).isEqualTo("JIRA");
        assertThat(user.get("/rest/api/3/configuration/timetracking").status()).isEqualTo(403);
        assertThat(user.get("/rest/api/3/mypreferences/locale").json().get("locale").asText()).isEqualTo("en_US");
        assertThat(user.put("/rest/api/3/mypreferences/locale", "{\"locale\":\"de_DE\"}").status()).isEqualTo(204);
        assertThat(user.get("/rest/api/3/mypreferences/locale").json().get("locale").asText()).isEqualTo("de_DE");
        assertThat(admin.get("/rest/api/3/mypreferences/locale").json().get("locale").asText()).isEqualTo("en_US");
        assertThat(user.put("/rest/api/3/mypreferences/locale", "{\"locale\":\"german\"}").status()).isEqualTo(400);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
    }

    @Test
    void roleDetailsAndTheDeprecatedGroupWithUsers() {
        JsonNode roles = user.get("/rest/api/3/project/DEMO/roledetails").json();
        assertThat(roles).extracting(r -> r.get("name").asText()).containsExactly("Administrators", "Developers", "Users");
        assertThat(roles.get(0).get("admin").asBoolean()).isTrue();
        assertThat(user.get("/rest/api/3/project/DEMO/roledetails?currentMember=true").json())
                .extracting(r -> r.get("name").asText()).containsExactly("Developers", "Users");
        assertThat(user.get("/rest/api/3/project/NOPE/roledetails").status()).isEqualTo(404);

        JsonNode group = admin.get("/rest/api/2/group?groupname=jira-administrators&expand=users%5B0%3A50%5D").json();
        assertThat(group.at("/users/size").asInt()).isEqualTo(1);
        assertThat(group.at("/users/items/0/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        assertThat(admin.get("/rest/api/2/group?groupname=nope").status()).isEqualTo(404);
        SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
    }
}
