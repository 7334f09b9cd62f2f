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
}
