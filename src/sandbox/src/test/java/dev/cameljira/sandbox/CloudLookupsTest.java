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
}
