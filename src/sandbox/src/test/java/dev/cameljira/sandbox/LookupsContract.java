package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Look-ups third-party clients call (found by the client sweeps), in one deployment mode, every exchange validated
 * against that mode's spec: dashboards, the group and user picker, JQL suggestions.
 */
abstract class LookupsContract extends SpecCheckedSandboxTest {

    protected Client admin;
    protected Client user;
    protected Client anonymous;

    protected abstract JiraSandbox.Mode mode();

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(mode());
    }

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
        user = Client.user(sandbox);
        anonymous = Client.anonymous(sandbox);
    }

    protected String api() {
        return "/rest/api/" + (cloud() ? 3 : 2);
    }

    protected boolean cloud() {
        return mode() == JiraSandbox.Mode.CLOUD;
    }

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
}
