package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Endpoints third-party clients commonly call, in one deployment mode, every exchange validated against that mode's
 * spec: votes, edit meta, project categories, permission / notification / issue security schemes (global and per
 * project) and the scheme ids {@code POST project} takes.
 */
abstract class EndpointsContract extends FlavourContract {

    @Test
    void votesCountVotersAndTheReporterCannotVote() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "vote for me"); // reported by the admin
        String votes = api() + "/issue/" + key + "/votes";

        Client.Resp own = admin.post(votes, "");
        assertThat(own.status()).isEqualTo(404);
        assertThat(own.json().at("/errorMessages/0").asText()).isEqualTo("You cannot vote for an issue you have reported.");
        assertThat(user.delete(votes).status()).as("withdrawing a vote never cast").isEqualTo(404);

        assertThat(user.post(votes, "").status()).isEqualTo(204);
        assertThat(user.post(votes, "").status()).as("voting twice changes nothing").isEqualTo(204);
        JsonNode mine = user.get(votes).json();
        assertThat(mine.get("votes").asInt()).isEqualTo(1);
        assertThat(mine.get("hasVoted").asBoolean()).isTrue();
        assertThat(mine.get("voters")).singleElement().satisfies(v -> assertThat(v.get("displayName").asText())
                .isEqualTo(SandboxUsers.USER_DISPLAY_NAME));
        assertThat(admin.get(votes).json().get("hasVoted").asBoolean()).isFalse();
        assertThat(admin.get(api() + "/issue/" + key + "?fields=votes").json().at("/fields/votes/votes").asInt()).isEqualTo(1);

        assertThat(user.delete(votes).status()).isEqualTo(204);
        assertThat(user.get(votes).json().get("votes").asInt()).isZero();

        sandbox.admin().transition(key, "Done");
        Client.Resp resolved = user.post(votes, "");
        assertThat(resolved.status()).isEqualTo(404);
        assertThat(resolved.json().at("/errorMessages/0").asText()).contains("resolved");
        assertThat(user.get(api() + "/issue/DEMO-99999/votes").status()).isEqualTo(404);
    }

    @Test
    void editMetaListsTheEditableFieldsWithTheirOperationsAndValues() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "editable");
        JsonNode fields = admin.get(api() + "/issue/" + key + "/editmeta").json().get("fields");
        assertThat(fields.at("/summary/required").asBoolean()).isTrue();
        assertThat(fields.at("/summary/operations").toString()).isEqualTo("[\"set\"]");
        assertThat(fields.at("/labels/operations").toString()).contains("add", "remove");
        assertThat(fields.at("/priority/allowedValues")).extracting(p -> p.get("name").asText()).contains("High", "Low");
        assertThat(fields.at("/issuetype/allowedValues")).extracting(t -> t.get("name").asText())
                .contains("Task", "Bug").doesNotContain("Sub-task");
        assertThat(fields.at("/components/allowedValues")).extracting(c -> c.get("name").asText())
                .containsExactly("Backend", "Frontend");
        assertThat(fields.at("/customfield_10040/allowedValues")).extracting(o -> o.get("value").asText()).contains("Major");
        assertThat(fields.has("project")).as("moving is not an edit").isFalse();

        // what editmeta offers, an edit takes
        Client.Resp edit = admin.put(api() + "/issue/" + key, "{\"update\":{\"labels\":[{\"add\":\"meta\"}]},"
                + "\"fields\":{\"priority\":{\"id\":\"" + fields.at("/priority/allowedValues/0/id").asText() + "\"}}}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(204);
        assertThat(admin.get(api() + "/issue/DEMO-99999/editmeta").status()).isEqualTo(404);
    }

    @Test
    void projectCategoriesAreListedAndLookedUp() {
        JsonNode all = admin.get(api() + "/projectCategory").json();
        assertThat(all).extracting(c -> c.get("name").asText()).containsExactly("Development", "Operations");
        JsonNode one = user.get(api() + "/projectCategory/10001").json();
        assertThat(one.get("name").asText()).isEqualTo("Operations");
        assertThat(one.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/projectCategory/10001");
        Client.Resp unknown = admin.get(api() + "/projectCategory/4711");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("4711");
    }

    @Test
    void schemesAreListedAndEachProjectHasItsOwn() {
        JsonNode permissionSchemes = user.get(api() + "/permissionscheme").json().get("permissionSchemes");
        assertThat(permissionSchemes).extracting(s -> s.get("name").asText()).contains("Default Permission Scheme");
        assertThat(permissionSchemes.get(0).has("permissions")).as("grants only when expanded").isFalse();
        JsonNode expanded = admin.get(api() + "/permissionscheme/0?expand=permissions").json();
        assertThat(expanded.get("permissions")).extracting(g -> g.get("permission").asText()).contains("BROWSE_PROJECTS");
        assertThat(admin.get(api() + "/permissionscheme/4711").status()).isEqualTo(404);
        assertThat(admin.get(api() + "/project/DEMO/permissionscheme").json().get("id").asLong()).isZero();

        JsonNode notificationSchemes = admin.get(api() + "/notificationscheme").json();
        assertThat(notificationSchemes.get("total").asInt()).isEqualTo(1);
        assertThat(notificationSchemes.at("/values/0/name").asText()).isEqualTo("Default Notification Scheme");
        JsonNode projectNotifications = admin.get(api() + "/project/DEMO/notificationscheme?expand=notificationSchemeEvents")
                .json();
        assertThat(projectNotifications.get("notificationSchemeEvents")).extracting(e -> e.at("/event/name").asText())
                .contains("Issue Created");

        JsonNode securitySchemes = admin.get(api() + "/issuesecurityschemes").json().get("issueSecuritySchemes");
        assertThat(securitySchemes).singleElement().satisfies(s -> assertThat(s.get("name").asText())
                .isEqualTo("Sandbox Security Scheme"));
        assertThat(user.get(api() + "/issuesecurityschemes").status()).as("administrators only").isEqualTo(403);
        Client.Resp none = admin.get(api() + "/project/DEMO/issuesecuritylevelscheme");
        assertThat(none.status()).as("projects have no issue security scheme by default").isEqualTo(404);
        assertThat(user.get(api() + "/project/DEMO/permissionscheme").status()).as("not the project's admin").isEqualTo(403);
    }

    @Test
    void postProjectTakesSchemeAndCategoryIdsAndRefusesUnknownOnes() {
        String lead = cloud() ? "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\""
                : "\"lead\":\"" + SandboxUsers.ADMIN_NAME + "\"";
        Client.Resp created = admin.post(api() + "/project", "{\"key\":\"SEC\",\"name\":\"Secured\",\"projectTypeKey\":"
                + "\"software\"," + lead + ",\"permissionScheme\":10000,\"notificationScheme\":10000,"
                + "\"issueSecurityScheme\":10000,\"categoryId\":10001}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(admin.get(api() + "/project/SEC/permissionscheme").json().get("name").asText())
                .isEqualTo("Restricted Permission Scheme");
        JsonNode security = admin.get(api() + "/project/SEC/issuesecuritylevelscheme").json();
        assertThat(security.get("id").asLong()).isEqualTo(10000);
        assertThat(security.get("levels")).extracting(l -> l.get("name").asText()).containsExactly("Staff", "Administrators");
        assertThat(admin.get(api() + "/project/SEC").json().at("/projectCategory/name").asText()).isEqualTo("Operations");

        List<String> refused = new ArrayList<>();
        for (String member : List.of("permissionScheme", "notificationScheme", "issueSecurityScheme", "categoryId")) {
            Client.Resp r = admin.post(api() + "/project", "{\"key\":\"BAD\",\"name\":\"Bad\",\"projectTypeKey\":\"software\","
                    + lead + ",\"" + member + "\":4711}");
            assertThat(r.status()).as(member).isEqualTo(400);
            assertThat(r.json().at("/errors/" + member).asText()).as(member).contains("4711");
            refused.add(member);
        }
        assertThat(refused).hasSize(4);
        assertThat(admin.get(api() + "/project/BAD").status()).as("nothing created").isEqualTo(404);
    }

    @Test
    void myPermissionsAnswerWhatTheCallerMayDoInAProjectOrIssue() {
        String lead = cloud() ? "\"leadAccountId\":\"" + SandboxUsers.ADMIN_ACCOUNT_ID + "\""
                : "\"lead\":\"" + SandboxUsers.ADMIN_NAME + "\"";
        assertThat(admin.post(api() + "/project", "{\"key\":\"LOCKED\",\"name\":\"Locked\",\"projectTypeKey\":"
                + "\"software\"," + lead + ",\"permissionScheme\":10000}").status()).isEqualTo(201);
        // Data Center's document has no permissions parameter: it answers every permission there
        String asked = cloud() ? "?permissions=BROWSE_PROJECTS,DELETE_ISSUES,ADMINISTER_PROJECTS,ADMINISTER&" : "?";

        JsonNode mine = user.get(api() + "/mypermissions" + asked + "projectKey=DEMO").json().get("permissions");
        if (cloud()) {
            assertThat(mine.fieldNames()).toIterable()
                    .containsExactly("BROWSE_PROJECTS", "DELETE_ISSUES", "ADMINISTER_PROJECTS", "ADMINISTER");
        }
        assertThat(mine.at("/BROWSE_PROJECTS/havePermission").asBoolean()).as("the default scheme lets users browse").isTrue();
        assertThat(mine.at("/BROWSE_PROJECTS/type").asText()).isEqualTo("PROJECT");
        assertThat(mine.at("/BROWSE_PROJECTS/id").asText()).isEqualTo("10");
        assertThat(mine.at("/DELETE_ISSUES/havePermission").asBoolean()).as("deleting issues takes an admin").isFalse();
        assertThat(mine.at("/ADMINISTER_PROJECTS/havePermission").asBoolean()).isFalse();
        assertThat(mine.at("/ADMINISTER/havePermission").asBoolean()).isFalse();
        assertThat(mine.at("/ADMINISTER/type").asText()).isEqualTo("GLOBAL");

        JsonNode locked = user.get(api() + "/mypermissions" + asked + "projectKey=LOCKED").json().get("permissions");
        assertThat(locked.at("/BROWSE_PROJECTS/havePermission").asBoolean()).as("restricted scheme").isFalse();
        JsonNode lockedById = user.get(api() + "/mypermissions" + asked + "projectId="
                + admin.get(api() + "/project/LOCKED").json().get("id").asText()).json().get("permissions");
        assertThat(lockedById).isEqualTo(locked);
        JsonNode anywhere = user.get(api() + "/mypermissions" + asked).json().get("permissions");
        assertThat(anywhere.at("/BROWSE_PROJECTS/havePermission").asBoolean()).as("held in some project").isTrue();
        JsonNode asAdmin = admin.get(api() + "/mypermissions" + asked + "projectKey=LOCKED").json().get("permissions");
        assertThat(asAdmin).allSatisfy(p -> assertThat(p.get("havePermission").asBoolean()).isTrue());

        String key = sandbox.admin().createIssue("DEMO", "Task", "permission context");
        JsonNode onIssue = user.get(api() + "/mypermissions" + asked + "issueKey=" + key).json();
        assertThat(onIssue.at("/permissions/BROWSE_PROJECTS/havePermission").asBoolean()).isTrue();

        Client.Resp noProject = user.get(api() + "/mypermissions" + asked + "projectKey=NOPE");
        assertThat(noProject.status()).isEqualTo(404);
        assertThat(noProject.json().at("/errorMessages/0").asText()).contains("NOPE");
        assertThat(user.get(api() + "/mypermissions" + asked + "issueKey=DEMO-99999").status()).isEqualTo(404);
        assertThat(Client.anonymous(sandbox).get(api() + "/mypermissions" + asked).status()).isEqualTo(401);
    }

    @Test
    void projectRolesLinkToEachRoleWithItsActors() {
        JsonNode links = user.get(api() + "/project/DEMO/role").json();
        assertThat(links.fieldNames()).toIterable().containsExactlyInAnyOrder("Administrators", "Developers", "Users");
        String adminsUrl = links.get("Administrators").asText();
        assertThat(adminsUrl).isEqualTo(sandbox.baseUrl() + api() + "/project/10000/role/10002");

        JsonNode admins = user.get(adminsUrl.substring(sandbox.baseUrl().length())).json();
        assertThat(admins.get("name").asText()).isEqualTo("Administrators");
        assertThat(admins.get("id").asLong()).isEqualTo(10002);
        assertThat(admins.get("actors")).extracting(a -> a.get("type").asText())
                .containsExactly("atlassian-group-role-actor", "atlassian-user-role-actor");
        assertThat(admins.at("/actors/0/name").asText()).isEqualTo("jira-administrators");
        JsonNode lead = admins.at("/actors/1");
        assertThat(lead.get("displayName").asText()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
        if (cloud()) {
            assertThat(lead.at("/actorUser/accountId").asText()).isEqualTo(SandboxUsers.ADMIN_ACCOUNT_ID);
        } else {
            assertThat(lead.get("name").asText()).isEqualTo(SandboxUsers.ADMIN_NAME);
        }
        JsonNode developers = user.get(api() + "/project/DEMO/role/10001").json();
        assertThat(developers.get("actors")).extracting(a -> a.get("name").asText()).containsExactly("jira-software-users");

        Client.Resp unknownRole = user.get(api() + "/project/DEMO/role/4711");
        assertThat(unknownRole.status()).isEqualTo(404);
        assertThat(unknownRole.json().at("/errorMessages/0").asText()).contains("4711");
        assertThat(user.get(api() + "/project/NOPE/role").status()).isEqualTo(404);
        assertThat(user.get(api() + "/project/NOPE/role/10002").status()).isEqualTo(404);

        assertThat(user.get(api() + "/role").status()).as("Jira administrators only").isEqualTo(403);
        JsonNode all = admin.get(api() + "/role").json();
        assertThat(all).extracting(r -> r.get("name").asText()).containsExactly("Administrators", "Developers", "Users");
        assertThat(all.get(0).get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/role/10002");
    }

    @Test
    void componentsAreCreatedReadEditedAndDeletedById() {
        String userLead = cloud() ? "\"leadAccountId\":\"" + SandboxUsers.USER_ACCOUNT_ID + "\""
                : "\"leadUserName\":\"" + SandboxUsers.USER_NAME + "\"";
        Client.Resp created = admin.post(api() + "/component", "{\"name\":\"Billing\",\"project\":\"DEMO\","
                + "\"description\":\"Invoices\"," + userLead + ",\"assigneeType\":\"COMPONENT_LEAD\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode c = created.json();
        String id = c.get("id").asText();
        assertThat(c.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/component/" + id);
        assertThat(c.get("project").asText()).isEqualTo("DEMO");
        assertThat(c.get("projectId").asLong()).isEqualTo(10000);
        assertThat(c.at("/lead/displayName").asText()).isEqualTo(SandboxUsers.USER_DISPLAY_NAME);
        assertThat(c.at("/realAssignee/displayName").asText()).isEqualTo(SandboxUsers.USER_DISPLAY_NAME);
        assertThat(c.get("isAssigneeTypeValid").asBoolean()).isTrue();
        assertThat(user.get(api() + "/component/" + id).json()).isEqualTo(c);
        assertThat(user.get(api() + "/project/DEMO/components").json()).extracting(x -> x.get("name").asText())
                .contains("Backend", "Billing");

        String key = sandbox.admin().createIssue("DEMO", "Task", "billed",
                java.util.Map.of("components", List.of(java.util.Map.of("id", id))));
        Client.Resp renamed = admin.put(api() + "/component/" + id, "{\"name\":\"Payments\"}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.json().get("description").asText()).as("members not given are kept").isEqualTo("Invoices");
        assertThat(admin.get(api() + "/issue/" + key + "?fields=components").json().at("/fields/components/0/name").asText())
                .as("the issue sees the new name").isEqualTo("Payments");

        Client.Resp duplicate = admin.post(api() + "/component", "{\"name\":\"backend\",\"project\":\"DEMO\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().at("/errors/name").asText()).contains("already exists");
        Client.Resp nameless = admin.post(api() + "/component", "{\"project\":\"DEMO\"}");
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().at("/errors/name").asText()).isNotEmpty();
        Client.Resp noProject = admin.post(api() + "/component", "{\"name\":\"X\",\"project\":\"NOPE\"}");
        assertThat(noProject.status()).isEqualTo(400);
        assertThat(noProject.json().at("/errors/project").asText()).contains("NOPE");
        assertThat(user.post(api() + "/component", "{\"name\":\"Mine\",\"project\":\"DEMO\"}").status())
                .as("only the project's administrators").isEqualTo(403);
        assertThat(user.put(api() + "/component/" + id, "{\"name\":\"Mine\"}").status()).isEqualTo(403);
        assertThat(user.delete(api() + "/component/" + id).status()).isEqualTo(403);

        assertThat(admin.delete(api() + "/component/" + id + "?moveIssuesTo=10000").status()).isEqualTo(204);
        assertThat(admin.get(api() + "/issue/" + key + "?fields=components").json().at("/fields/components"))
                .extracting(x -> x.get("name").asText()).containsExactly("Backend");
        Client.Resp gone = user.get(api() + "/component/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/errorMessages/0").asText()).contains(id);
        assertThat(admin.put(api() + "/component/4711", "{\"name\":\"X\"}").status()).isEqualTo(404);
        assertThat(admin.delete(api() + "/component/4711").status()).isEqualTo(404);
    }

    @Test
    void filtersAreSavedWithValidJqlAndPrivateToTheirOwner() {
        Client.Resp created = admin.post(api() + "/filter", "{\"name\":\"Open bugs\",\"description\":\"triage\","
                + "\"jql\":\"project = DEMO AND issuetype = Bug ORDER BY created DESC\",\"favourite\":true}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        JsonNode f = created.json();
        String id = f.get("id").asText();
        assertThat(f.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/filter/" + id);
        assertThat(f.get("jql").asText()).isEqualTo("project = DEMO AND issuetype = Bug ORDER BY created DESC");
        assertThat(f.at("/owner/displayName").asText()).isEqualTo(SandboxUsers.ADMIN_DISPLAY_NAME);
        assertThat(f.get("favourite").asBoolean()).isTrue();
        assertThat(admin.get(api() + "/filter/" + id).json()).isEqualTo(f);
        assertThat(admin.get(api() + "/filter/favourite").json()).extracting(x -> x.get("id").asText()).containsExactly(id);

        Client.Resp edited = admin.put(api() + "/filter/" + id, "{\"name\":\"Open bugs\",\"jql\":\"project = DEMO\","
                + "\"favourite\":false}");
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.json().get("description").asText()).as("members not given are kept").isEqualTo("triage");
        assertThat(edited.json().get("jql").asText()).isEqualTo("project = DEMO");
        assertThat(admin.get(api() + "/filter/favourite").json()).isEmpty();

        Client.Resp badJql = admin.post(api() + "/filter", "{\"name\":\"Broken\",\"jql\":\"project = = DEMO\"}");
        assertThat(badJql.status()).isEqualTo(400);
        assertThat(badJql.json().at("/errorMessages/0").asText()).isNotEmpty();
        Client.Resp unknownValue = admin.put(api() + "/filter/" + id, "{\"name\":\"Open bugs\",\"jql\":\"project = NOPE\"}");
        assertThat(unknownValue.status()).isEqualTo(400);
        assertThat(unknownValue.json().at("/errorMessages/0").asText()).contains("NOPE");
        assertThat(admin.get(api() + "/filter/" + id).json().get("jql").asText()).as("unchanged").isEqualTo("project = DEMO");
        Client.Resp twice = admin.post(api() + "/filter", "{\"name\":\"open BUGS\",\"jql\":\"project = DEMO\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().at("/errors/filterName").asText()).contains("already exists");
        assertThat(admin.post(api() + "/filter", "{\"jql\":\"project = DEMO\"}").json().at("/errors/filterName").asText())
                .isNotEmpty();
        if (cloud()) {
            SpecCheck.expectRequestViolations(sandbox, "validation.request.body.schema.required"); // the nameless one
        }

        Client.Resp hidden = user.get(api() + "/filter/" + id);
        assertThat(hidden.status()).as("private to its owner").isEqualTo(404);
        assertThat(hidden.json().at("/errorMessages/0").asText()).contains("not available");
        assertThat(user.put(api() + "/filter/" + id, "{\"name\":\"mine\"}").status()).isEqualTo(404);
        assertThat(user.delete(api() + "/filter/" + id).status()).isEqualTo(404);

        assertThat(admin.delete(api() + "/filter/" + id).status()).isEqualTo(204);
        assertThat(admin.get(api() + "/filter/" + id).status()).isEqualTo(404);
        assertThat(admin.get(api() + "/filter/4711").status()).isEqualTo(404);
    }

    @Test
    void notifyAnswersNoContentAndConfigurationListsTheFeatures() {
        String key = sandbox.admin().createIssue("DEMO", "Task", "notify about me");
        assertThat(user.post(api() + "/issue/" + key + "/notify", "{\"subject\":\"Look\",\"textBody\":\"at this\","
                + "\"to\":{\"reporter\":true,\"watchers\":true}}").status()).isEqualTo(204);
        Client.Resp unknown = user.post(api() + "/issue/DEMO-99999/notify", "{\"subject\":\"Look\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("Issue does not exist");

        JsonNode configuration = user.get(api() + "/configuration").json();
        assertThat(configuration.get("timeTrackingEnabled").asBoolean()).isTrue();
        assertThat(configuration.get("subTasksEnabled").asBoolean()).isTrue();
        assertThat(configuration.at("/timeTrackingConfiguration/workingHoursPerDay").asDouble()).isEqualTo(8.0);
    }

    @Test
    void projectAndCommentPropertiesAreStoredAndOnlyAdministratorsOrAuthorsWriteThem() {
        String prop = api() + "/project/DEMO/properties/sync.state";
        assertThat(user.put(prop, "{\"cursor\":1}").status()).as("not a project administrator").isEqualTo(403);
        assertThat(admin.put(prop, "{\"cursor\":1}").status()).isEqualTo(201);
        assertThat(admin.put(prop, "{\"cursor\":2}").status()).isEqualTo(200);
        assertThat(user.get(prop).json().at("/value/cursor").asInt()).isEqualTo(2);
        assertThat(user.get(api() + "/project/DEMO/properties").json().at("/keys/0/key").asText()).isEqualTo("sync.state");
        assertThat(admin.delete(prop).status()).isEqualTo(204);
        assertThat(admin.get(prop).status()).isEqualTo(404);
        assertThat(admin.get(api() + "/project/NOPE/properties").status()).isEqualTo(404);

        String key = sandbox.admin().createIssue("DEMO", "Task", "comment properties");
        String commentId = admin.post(api() + "/issue/" + key + "/comment", cloud()
                ? "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}" : "{\"body\":\"hi\"}").json().get("id").asText();
        String cprop = api() + "/comment/" + commentId + "/properties/origin";
        assertThat(user.put(cprop, "\"zendesk\"").status()).as("someone else's comment").isEqualTo(403);
        assertThat(admin.put(cprop, "\"zendesk\"").status()).isEqualTo(201);
        assertThat(user.get(cprop).json().get("value").asText()).isEqualTo("zendesk");
        Client.Resp missing = admin.get(api() + "/comment/99999/properties");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/errorMessages/0").asText()).isEqualTo("Can not find a comment for the id: 99999.");
    }

    @Test
    void groupsUserPickersAndPermissionSearches() {
        JsonNode members = user.get(api() + "/group/member?groupname=jira-administrators").json();
        assertThat(members.get("total").asInt()).isEqualTo(1);
        assertThat(members.at("/values/0/displayName").asText()).isEqualTo("Sandbox Admin");
        assertThat(user.get(api() + "/group/member?groupname=nope").status()).isEqualTo(404);
        JsonNode groups = user.get(api() + "/groups/picker?query=admin").json();
        assertThat(groups.get("groups")).extracting(g -> g.get("name").asText()).containsExactly("jira-administrators");
        JsonNode picked = user.get(api() + "/user/picker?query=sandbox%20u").json();
        assertThat(picked.get("users")).extracting(u -> u.get("displayName").asText()).containsExactly("Sandbox User");
        for (String picker : List.of("/groups/picker?query=a&maxResults=-1", "/user/picker?query=a&maxResults=-1")) {
            var negative = user.get(api() + picker);
            assertThat(negative.status()).as(picker).isEqualTo(400);
            assertThat(negative.json().at("/errorMessages/0").asText()).as(picker).contains("maxResults");
        }
        String name = cloud() ? "query" : "username";
        assertThat(user.get(api() + "/user/permission/search?permissions=ADMINISTER_PROJECTS&projectKey=DEMO&" + name + "=sandbox")
                .json()).extracting(u -> u.get("displayName").asText()).containsExactly("Sandbox Admin");
        assertThat(user.get(api() + "/user/permission/search?permissions=FLY&" + name + "=a").status()).isEqualTo(400);
        if (!cloud()) {
            SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated"); // DC deprecates permission/search
        }
        assertThat(user.get(api() + "/user/viewissue/search?projectKey=DEMO&" + name + "=user").json()).hasSize(1);
        assertThat(user.get(api() + "/user/assignable/multiProjectSearch?projectKeys=DEMO&" + name + "=sandbox").json()).hasSize(2);
        assertThat(user.get(api() + "/user/assignable/multiProjectSearch?projectKeys=NOPE").status()).isEqualTo(404);
    }

    @Test
    void roleStatusCategoryAndProjectTypeLookUps() {
        assertThat(admin.get(api() + "/role/10002").json().get("name").asText()).isEqualTo("Administrators");
        assertThat(admin.get(api() + "/role/1").status()).isEqualTo(404);
        assertThat(user.get(api() + "/role/10002").status()).isEqualTo(403);
        assertThat(user.get(api() + "/statuscategory/done").json().get("id").asInt()).isEqualTo(3);
        assertThat(user.get(api() + "/statuscategory/2").json().get("key").asText()).isEqualTo("new");
        assertThat(user.get(api() + "/statuscategory/99").status()).isEqualTo(404);
        assertThat(user.get(api() + "/project/type").json()).extracting(t -> t.get("key").asText()).contains("software", "business");
        assertThat(user.get(api() + "/project/type/software").json().get("formattedKey").asText()).isEqualTo("Software");
        if (!cloud()) { // Cloud's document enumerates the keys, so an unknown one is not a valid request there
            assertThat(user.get(api() + "/project/type/nope").status()).isEqualTo(404);
        }
    }

    @Test
    void filterColumnsDefaultUntilSetAndUnknownFieldsAreRefused() {
        String id = admin.post(api() + "/filter", "{\"name\":\"columns " + cloud() + "\",\"jql\":\"project = DEMO\"}")
                .json().get("id").asText();
        String columns = api() + "/filter/" + id + "/columns";
        assertThat(admin.get(columns).json()).extracting(c -> c.get("value").asText()).startsWith("issuetype", "issuekey", "summary");
        assertThat(admin.put(columns, "{\"columns\":[\"summary\",\"customfield_10016\"]}").status()).isEqualTo(200);
        JsonNode set = admin.get(columns).json();
        assertThat(set).extracting(c -> c.get("label").asText()).containsExactly("Summary", "Story Points");
        Client.Resp bad = admin.put(columns, "{\"columns\":[\"nope\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errorMessages/0").asText()).contains("nope");
        assertThat(user.get(columns).status()).as("another user's private filter").isEqualTo(404);
        assertThat(admin.delete(columns).status()).isEqualTo(204);
        assertThat(admin.get(columns).json()).hasSize(11);
    }

    @Test
    void unresolvedIssueCountCountsTheVersionsOpenFixIssues() {
        String id = admin.post(api() + "/version", "{\"name\":\"count " + cloud() + "\",\"project\":\"DEMO\"}")
                .json().get("id").asText();
        String open = sandbox.admin().createIssue("DEMO", "Task", "open fix", java.util.Map.of("fixVersions", List.of(java.util.Map.of("id", id))));
        String done = sandbox.admin().createIssue("DEMO", "Task", "done fix", java.util.Map.of("fixVersions", List.of(java.util.Map.of("id", id))));
        admin.post(api() + "/issue/" + done + "/transitions", "{\"transition\":{\"id\":\"21\"}}");
        JsonNode n = user.get(api() + "/version/" + id + "/unresolvedIssueCount").json();
        assertThat(n.get("issuesUnresolvedCount").asInt()).isEqualTo(1);
        assertThat(n.has("issuesCount")).isEqualTo(cloud());
        assertThat(open).isNotNull();
        assertThat(user.get(api() + "/version/999999/unresolvedIssueCount").status()).isEqualTo(404);
    }

    /**
     * Input the fuzzer found answered with a 500 is Jira's 400 naming what was wrong: an application-property
     * {@code keyFilter} that is not a regular expression, and a form-encoded body with a malformed percent-escape.
     */
    @Test
    void malformedPatternsAndPercentEscapesAreA400NamingThem() {
        JsonNode filtered = admin.get(api() + "/application-properties?keyFilter=" + URLEncoder.encode("jira\\.clone\\..*",
                StandardCharsets.UTF_8)).json();
        assertThat(filtered).extracting(p -> p.get("key").asText()).containsExactly("jira.clone.prefix");
        for (String regex : List.of("(", "+a", "[")) {
            Client.Resp bad = admin.get(api() + "/application-properties?keyFilter=" + URLEncoder.encode(regex, StandardCharsets.UTF_8));
            assertThat(bad.status()).as(regex).isEqualTo(400);
            assertThat(bad.json().at("/errorMessages/0").asText()).contains("keyFilter", regex);
        }
        String id = admin.post(api() + "/filter", "{\"name\":\"escapes " + cloud() + "\",\"jql\":\"project = DEMO\"}")
                .json().get("id").asText();
        for (String form : List.of("columns=%zz", "columns=summary%", "%E0%A4%A=x")) {
            Client.Resp bad = admin.put(api() + "/filter/" + id + "/columns", form);
            assertThat(bad.status()).as(form).isEqualTo(400);
            assertThat(bad.json().at("/errorMessages/0").asText()).as(form).contains(form.split("&")[0]);
        }
        SpecCheck.expectRequestViolations(sandbox, "validation.request.body.schema.invalidJson"); // the form bodies
        assertThat(admin.get(api() + "/filter/" + id + "/columns").json()).as("nothing half-written").hasSize(11);
    }

    @Test
    void applicationPropertiesAreForAdministrators() {
        JsonNode all = admin.get(api() + "/application-properties").json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).extracting(p -> p.get("key").asText()).contains("jira.title", "jira.clone.prefix");
        JsonNode one = admin.get(api() + "/application-properties?key=jira.clone.prefix").json();
        assertThat((cloud() ? one.get(0) : one).get("value").asText()).isEqualTo("CLONE -");
        assertThat(admin.get(api() + "/application-properties?key=no.such").status()).isEqualTo(404);
        assertThat(user.get(api() + "/application-properties").status()).isEqualTo(403);
    }

    @Test
    void jqlAutocompleteDataListsFieldsFunctionsAndReservedWords() {
        JsonNode n = user.get(api() + "/jql/autocompletedata").json();
        assertThat(n.get("visibleFieldNames")).anySatisfy(f -> {
            assertThat(f.get("value").asText()).isEqualTo("status");
            assertThat(f.get("operators")).extracting(JsonNode::asText).contains("=", "in", "was", "changed");
        });
        // Jira's own spelling of the system fields' names (JQL reads them case-insensitively)
        assertThat(n.get("visibleFieldNames")).extracting(f -> f.get("value").asText())
                .contains("affectedVersion", "fixVersion", "issuetype", "statusCategory", "createdDate", "Sprint")
                .doesNotContain("affectedversion", "fixversion", "statuscategory", "createddate", "cf[10016]");
        assertThat(n.get("visibleFieldNames")).allSatisfy(f -> {
            if (!f.has("cfid")) {
                assertThat(f.get("displayName").asText()).isEqualTo(f.get("value").asText());
            }
        });
        // a custom field once, by its name (quoted as a query must), with its id
        assertThat(n.get("visibleFieldNames")).filteredOn(f -> f.path("cfid").asText().equals("cf[10016]"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("value").asText()).isEqualTo("\"Story Points\"");
                    assertThat(f.get("displayName").asText()).isEqualTo("Story Points - cf[10016]");
                    assertThat(f.get("orderable").asText()).isEqualTo("true");
                });
        String jql = "project = DEMO AND fixVersion is EMPTY AND affectedVersion is EMPTY AND \"Story Points\" is EMPTY";
        String search = (cloud() ? "/search/jql" : "/search") + "?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8);
        assertThat(user.get(api() + search).status()).as("the values listed are names a query takes").isEqualTo(200);
        assertThat(n.get("visibleFunctionNames")).extracting(f -> f.get("value").asText())
                .contains("currentUser()", "startOfDay()", "releasedVersions()");
        assertThat(n.get("jqlReservedWords")).extracting(JsonNode::asText).contains("and", "empty", "order");
    }

    @Test
    void componentsOfProjectsArePaged() {
        String path = cloud() ? "/rest/api/3/component?projectIdsOrKeys=DEMO" : "/rest/api/2/component/page?projectIds=10000";
        JsonNode all = user.get(path).json();
        assertThat(all.get("values")).extracting(c -> c.get("name").asText()).contains("Backend", "Frontend");
        assertThat(all.get("maxResults").asInt()).isEqualTo(cloud() ? 50 : 100);
        JsonNode found = user.get(path + "&query=FRONT&maxResults=1").json();
        assertThat(found.get("values")).extracting(c -> c.get("name").asText()).containsExactly("Frontend");
        assertThat(user.get(path.replaceFirst("=.*", "=NOPE")).status()).isEqualTo(404);
    }
}
