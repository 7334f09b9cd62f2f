package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Look-ups third-party clients call (found by the client sweeps), in one deployment mode, every exchange validated
 * against that mode's spec: dashboards, the group and user picker, JQL suggestions, filter sharing defaults, user
 * preferences and application roles.
 */
abstract class LookupsContract extends FlavourContract {

    @Test
    void everyJiraHasItsSystemDashboardVisibleToEveryone() {
        JsonNode page = user.get(api() + "/dashboard").json();
        assertThat(page.get("startAt").asInt()).isZero();
        assertThat(page.get("maxResults").asInt()).isEqualTo(20);
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.has("next")).isFalse();
        assertThat(page.has("prev")).isFalse();
        JsonNode system = page.get("dashboards").get(0);
        assertThat(system.get("id").asText()).isEqualTo("10000");
        assertThat(system.get("name").asText()).isEqualTo("System Dashboard");
        assertThat(system.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/dashboard/10000");
        assertThat(system.get("view").asText()).isEqualTo(sandbox.baseUrl() + "/secure/Dashboard.jspa?selectPageId=10000");

        assertThat(anonymous.get(api() + "/dashboard").json().get("total").asInt()).as("anonymous access").isEqualTo(1);
        assertThat(user.get(api() + "/dashboard/10000").json()).isEqualTo(system);
        assertThat(anonymous.get(api() + "/dashboard/10000").status()).isEqualTo(200);
    }

    @Test
    void dashboardListsFilterAndPage() {
        JsonNode mine = user.get(api() + "/dashboard?filter=my").json();
        assertThat(mine.get("total").asInt()).as("the system dashboard has no owner").isZero();
        assertThat(mine.get("dashboards")).isEmpty();
        assertThat(user.get(api() + "/dashboard?filter=favourite").json().get("total").asInt()).isZero();

        JsonNode beyond = user.get(api() + "/dashboard?startAt=1&maxResults=5").json();
        assertThat(beyond.get("dashboards")).isEmpty();
        assertThat(beyond.get("total").asInt()).isEqualTo(1);
        assertThat(beyond.get("prev").asText()).isEqualTo(sandbox.baseUrl() + api() + "/dashboard?maxResults=5&startAt=0");
        assertThat(beyond.has("next")).isFalse();
        JsonNode none = user.get(api() + "/dashboard?maxResults=0").json();
        assertThat(none.get("dashboards")).isEmpty();
        assertThat(none.get("next").asText()).endsWith(api() + "/dashboard?maxResults=0&startAt=0");
    }

    @Test
    void unknownDashboardsAndBadDashboardParametersAreRejected() {
        Client.Resp unknown = user.get(api() + "/dashboard/4711");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).isEqualTo("The dashboard with id '4711' does not exist.");
        Client.Resp badStart = user.get(api() + "/dashboard?startAt=-1");
        assertThat(badStart.status()).isEqualTo(400);
        assertThat(badStart.json().at("/errorMessages/0").asText()).contains("startAt");
        Client.Resp badMax = user.get(api() + "/dashboard?maxResults=many");
        assertThat(badMax.status()).isEqualTo(400);
        assertThat(badMax.json().at("/errorMessages/0").asText()).contains("maxResults");
        Client.Resp badFilter = user.get(api() + "/dashboard?filter=shared");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().at("/errorMessages/0").asText()).contains("filter");
        if (cloud()) { // Data Center's document types these parameters as free strings
            SpecCheck.expectRequestViolations(sandbox);
        }
    }

    @Test
    void groupUserPickerFindsUsersAndGroupsInOneAnswer() {
        JsonNode found = user.get(api() + "/groupuserpicker?query=sand").json();
        JsonNode users = found.get("users");
        assertThat(users.get("users")).extracting(u -> u.get("displayName").asText())
                .containsExactlyInAnyOrder(SandboxUsers.ADMIN_DISPLAY_NAME, SandboxUsers.USER_DISPLAY_NAME);
        assertThat(users.get("total").asInt()).isEqualTo(2);
        assertThat(users.get("header").asText()).isEqualTo("Showing 2 of 2 matching users");
        assertThat(found.at("/groups/total").asInt()).as("no group name contains 'sand'").isZero();
        assertThat(found.at("/groups/groups")).isEmpty();
        JsonNode one = users.get("users").get(0);
        assertThat(one.has("avatarUrl")).as("only with showAvatar").isFalse();
        if (cloud()) {
            assertThat(one.get("accountId").asText()).startsWith("712020:");
            assertThat(one.has("name")).isFalse();
            assertThat(one.get("html").asText()).startsWith("<strong>Sand</strong>box ");
        } else {
            assertThat(one.get("name").asText()).isIn(SandboxUsers.ADMIN_NAME, SandboxUsers.USER_NAME);
            assertThat(one.has("accountId")).isFalse();
            assertThat(users.get("users")).extracting(u -> u.get("html").asText()).contains(
                    "<strong>Sand</strong>box User - user@example.com (user)");
        }

        JsonNode groups = user.get(api() + "/groupuserpicker?query=jira&maxResults=1&showAvatar=true").json();
        assertThat(groups.at("/groups/total").asInt()).isEqualTo(2);
        assertThat(groups.at("/groups/header").asText()).isEqualTo("Showing 1 of 2 matching groups");
        assertThat(groups.at("/groups/groups/0/name").asText()).isEqualTo("jira-administrators");
        assertThat(groups.at("/groups/groups/0/html").asText()).isEqualTo("<b>jira</b>-administrators");
        assertThat(groups.at("/groups/groups/0").has("groupId")).isEqualTo(cloud());
        assertThat(groups.at("/users/total").asInt()).as("no user is called jira").isZero();

        JsonNode byMail = user.get(api() + "/groupuserpicker?query=admin@&showAvatar=true").json();
        assertThat(byMail.at("/users/users")).singleElement().satisfies(u -> {
            assertThat(u.get("displayName").asText()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
            assertThat(u.get("avatarUrl").asText()).startsWith(sandbox.baseUrl() + "/secure/useravatar?");
        });
        assertThat(byMail.at("/groups/total").asInt()).isZero();
    }

    @Test
    void groupUserPickerNeedsAQueryAndCredentials() {
        Client.Resp none = user.get(api() + "/groupuserpicker");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/query").asText()).isEqualTo("The query parameter is required.");
        assertThat(user.get(api() + "/groupuserpicker?query=a&maxResults=-1").status()).isEqualTo(400);
        if (cloud()) {
            SpecCheck.expectRequestViolations(sandbox);
        }
        assertThat(anonymous.get(api() + "/groupuserpicker?query=a").status()).isEqualTo(401);
    }

    @Test
    void jqlSuggestionsCompleteCommonFields() {
        String suggest = api() + "/jql/autocompletedata/suggestions?fieldName=";
        JsonNode projects = user.get(suggest + "project&fieldValue=de").json().get("results");
        assertThat(projects).singleElement().satisfies(p -> {
            assertThat(p.get("value").asText()).isEqualTo("Demo");
            assertThat(p.get("displayName").asText()).isEqualTo("<b>De</b>mo (<b>DE</b>MO)");
        });
        JsonNode statuses = user.get(suggest + "status&fieldValue=prog").json().get("results");
        assertThat(statuses).singleElement().satisfies(st -> {
            assertThat(st.get("value").asText()).isEqualTo("In Progress");
            assertThat(st.get("displayName").asText()).isEqualTo("In <b>Prog</b>ress");
        });
        assertThat(user.get(suggest + "status").json().get("results")).extracting(r -> r.get("value").asText())
                .contains("To Do", "In Progress", "Done");
        assertThat(user.get(suggest + "issuetype&fieldValue=b").json().get("results"))
                .extracting(r -> r.get("value").asText()).containsExactly("Bug");
        assertThat(user.get(suggest + "priority&fieldValue=HIGH").json().get("results"))
                .extracting(r -> r.get("value").asText()).containsExactly("Highest", "High");

        sandbox.admin().createIssue("DEMO", "Task", "suggested labels", java.util.Map.of("labels",
                java.util.List.of("backend-api", "frontend")));
        assertThat(user.get(suggest + "labels&fieldValue=back").json().get("results"))
                .extracting(r -> r.get("value").asText()).containsExactly("backend-api");
        // a suggested value is one a query takes
        String jql = "project = \"Demo\" AND status = \"In Progress\" AND labels = backend-api";
        String search = (cloud() ? "/search/jql" : "/search") + "?jql="
                + java.net.URLEncoder.encode(jql, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(user.get(api() + search).status()).isEqualTo(200);

        JsonNode assignees = user.get(suggest + "assignee&fieldValue=sandbox%20u").json().get("results");
        assertThat(assignees).as("the name starts with the text typed").singleElement()
                .satisfies(u -> assertThat(u.get("displayName").asText()).startsWith("<b>Sandbox U</b>ser"));
        assertThat(user.get(suggest + "assignee&fieldValue=box").json().get("results")).as("no word starts with it").isEmpty();
        JsonNode users = user.get(suggest + "reporter&fieldValue=adm").json().get("results");
        assertThat(users).singleElement().satisfies(u -> {
            assertThat(u.get("value").asText()).isEqualTo(cloud() ? SandboxUsers.ADMIN_ACCOUNT_ID : SandboxUsers.ADMIN_NAME);
            assertThat(u.get("displayName").asText()).startsWith("Sandbox <b>Adm</b>in");
        });
        assertThat(user.get(suggest + "summary&fieldValue=a").json().get("results")).as("no suggestions for text").isEmpty();
        assertThat(user.get(suggest + "assignee&predicateName=by&predicateValue=sandbox").json().get("results"))
                .hasSize(2);
    }

    @Test
    void jqlSuggestionsNeedAFieldName() {
        Client.Resp none = user.get(api() + "/jql/autocompletedata/suggestions?fieldValue=a");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/fieldName").asText()).contains("required");
        Client.Resp predicate = user.get(api() + "/jql/autocompletedata/suggestions?fieldName=status&predicateName=during");
        assertThat(predicate.status()).isEqualTo(400);
        assertThat(predicate.json().get("errors").has("predicateName")).isTrue();
    }

    @Test
    void defaultShareScopeIsPrivateUntilTheCallerChangesIt() {
        String scope = api() + "/filter/defaultShareScope";
        assertThat(user.get(scope).json().get("scope").asText()).isEqualTo("PRIVATE");
        JsonNode set = user.put(scope, "{\"scope\":\"AUTHENTICATED\"}").json();
        assertThat(set.get("scope").asText()).isEqualTo("AUTHENTICATED");
        assertThat(user.get(scope).json().get("scope").asText()).isEqualTo("AUTHENTICATED");
        assertThat(admin.get(scope).json().get("scope").asText()).as("per user").isEqualTo("PRIVATE");
        assertThat(user.put(scope, "{\"scope\":\"PRIVATE\"}").status()).isEqualTo(200);

        Client.Resp bad = user.put(scope, "{\"scope\":\"EVERYONE\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").has("scope")).isTrue();
        SpecCheck.expectRequestViolations(sandbox);
    }

    @Test
    void aFiltersSharePermissionsAreEmptyForAPrivateFilter() {
        String id = user.post(api() + "/filter", "{\"name\":\"shared? no\",\"jql\":\"project = DEMO\"}").json()
                .get("id").asText();
        assertThat(user.get(api() + "/filter/" + id + "/permission").json()).isEmpty();
        Client.Resp others = admin.get(api() + "/filter/" + id + "/permission");
        assertThat(others.status()).as("someone else's private filter").isEqualTo(404);
        assertThat(others.json().at("/errorMessages/0").asText()).startsWith("The selected filter is not available to you");
        assertThat(user.get(api() + "/filter/99999/permission").status()).isEqualTo(404);
    }

    @Test
    void preferencesAreSetReadAndDeletedByKey() {
        String pref = api() + "/mypreferences?key=sandbox.colour";
        assertThat(user.get(pref).status()).as("not set").isEqualTo(404);
        assertThat(user.put(pref, "\"teal\"").status()).isEqualTo(204);
        Client.Resp read = user.get(pref);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().asText()).isEqualTo("teal");
        assertThat(admin.get(pref).status()).as("per user").isEqualTo(404);
        assertThat(user.put(pref, "\"navy\"").status()).isEqualTo(204);
        assertThat(user.get(pref).json().asText()).isEqualTo("navy");
        assertThat(user.delete(pref).status()).isEqualTo(204);
        assertThat(user.get(pref).status()).isEqualTo(404);
        assertThat(user.delete(pref).status()).isEqualTo(404);
        Client.Resp noKey = user.get(api() + "/mypreferences");
        assertThat(noKey.status()).as("Jira answers a missing key as not found").isEqualTo(404);
        assertThat(noKey.json().at("/errorMessages/0").asText()).contains("key");
        if (cloud()) {
            SpecCheck.expectRequestViolations(sandbox);
        }
    }

    @Test
    void applicationRolesAreForAdministrators() {
        JsonNode roles = admin.get(api() + "/applicationrole").json();
        assertThat(roles).singleElement().satisfies(r -> {
            assertThat(r.get("key").asText()).isEqualTo("jira-software");
            assertThat(r.get("name").asText()).isEqualTo("Jira Software");
            assertThat(r.get("groups")).extracting(JsonNode::asText).contains("jira-software-users");
            assertThat(r.get("defaultGroups")).extracting(JsonNode::asText).containsExactly("jira-software-users");
            assertThat(r.get("userCount").asInt()).isEqualTo(2);
            assertThat(r.get("remainingSeats").asInt()).isEqualTo(r.get("numberOfSeats").asInt() - 2);
            assertThat(r.has("groupDetails")).isEqualTo(cloud());
        });
        assertThat(admin.get(api() + "/applicationrole/jira-software").json()).isEqualTo(roles.get(0));
        Client.Resp unknown = admin.get(api() + "/applicationrole/jira-core");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("jira-core");
        assertThat(user.get(api() + "/applicationrole").status()).isEqualTo(403);
        assertThat(user.get(api() + "/applicationrole/jira-software").status()).isEqualTo(403);
    }
}
