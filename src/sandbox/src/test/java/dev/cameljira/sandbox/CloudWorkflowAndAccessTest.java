package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WorkflowAndAccessContract} on Jira Cloud, plus the Cloud-only look-ups. */
class CloudWorkflowAndAccessTest extends WorkflowAndAccessContract {

    private static final String USER_ID = SandboxUsers.USER_ACCOUNT_ID;
    private static final String ADMIN_ID = SandboxUsers.ADMIN_ACCOUNT_ID;

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }

    /** Creates a project (as the admin) with the given lead and permission scheme; returns its id. */
    private long project(String key, String leadAccountId, int permissionScheme) {
        Client.Resp created = admin.post("/rest/api/3/project", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\","
                + "\"projectTypeKey\":\"software\",\"leadAccountId\":\"" + leadAccountId + "\",\"permissionScheme\":"
                + permissionScheme + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long issueId(String key) {
        return sandbox.admin().issue(key).get("id").asLong();
    }

    @Test
    void isWatchingInBulkAnswersEveryIdAskedForTheCaller() {
        String watched = sandbox.admin().createIssue("DEMO", "Task", "watched by the user");
        String other = sandbox.admin().createIssue("DEMO", "Task", "watched by the admin only");
        assertThat(user.post("/rest/api/3/issue/" + watched + "/watchers", "\"" + USER_ID + "\"").status()).isEqualTo(204);
        String ids = "{\"issueIds\":[\"" + issueId(watched) + "\",\"" + issueId(other) + "\",\"999999\",\"" + watched + "\"]}";

        JsonNode mine = user.post("/rest/api/3/issue/watching", ids).json().get("issuesIsWatching");
        assertThat(mine.get(String.valueOf(issueId(watched))).asBoolean()).isTrue();
        assertThat(mine.get(String.valueOf(issueId(other))).asBoolean()).isFalse();
        assertThat(mine.get("999999").asBoolean()).as("an unknown id is false").isFalse();
        assertThat(mine.get(watched).asBoolean()).as("a key is no issue id").isFalse();
        JsonNode admins = admin.post("/rest/api/2/issue/watching", ids).json().get("issuesIsWatching");
        assertThat(admins.get(String.valueOf(issueId(other))).asBoolean()).as("the reporter watches").isTrue();
        JsonNode nobody = anonymous.post("/rest/api/3/issue/watching", ids).json().get("issuesIsWatching");
        assertThat(nobody.size()).isEqualTo(4);
        assertThat(nobody).allSatisfy(w -> assertThat(w.asBoolean()).isFalse());

        Client.Resp none = user.post("/rest/api/3/issue/watching", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/issueIds").asText()).isNotBlank();
        SpecCheck.expectRequestViolations(sandbox, "validation.request.body.schema.required");
    }

    @Test
    void userEmailIsForApprovedAppsWhichTheAdministratorStandsInFor() {
        JsonNode email = admin.get("/rest/api/3/user/email?accountId=" + USER_ID).json();
        assertThat(email.get("accountId").asText()).isEqualTo(USER_ID);
        assertThat(email.get("email").asText()).isEqualTo(SandboxUsers.USER_EMAIL);
        assertThat(user.get("/rest/api/3/user/email?accountId=" + ADMIN_ID).status()).as("a person, not an app")
                .isEqualTo(401);
        assertThat(anonymous.get("/rest/api/3/user/email?accountId=" + ADMIN_ID).status()).isEqualTo(401);
        Client.Resp unknown = admin.get("/rest/api/3/user/email?accountId=557058:nobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("557058:nobody");
        Client.Resp missing = admin.get("/rest/api/3/user/email");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/accountId").asText()).isNotBlank();
        SpecCheck.expectRequestViolations(sandbox, "validation.request.parameter.query.missing");
    }

    @Test
    void usersByStructuredQueryFollowIssueRoles() {
        project("UQ", ADMIN_ID, 0);
        String assigned = sandbox.admin().createIssue("UQ", "Task", "assigned to the user",
                Map.of("assignee", Map.of("accountId", USER_ID)));
        String other = sandbox.admin().createIssue("UQ", "Task", "unassigned");
        assertThat(user.post("/rest/api/3/issue/" + other + "/watchers", "\"" + USER_ID + "\"").status()).isEqualTo(204);
        sandbox.admin().addComment(other, "the admin comments");

        assertThat(names("is assignee of UQ")).containsExactly(USER_ID);
        assertThat(names("IS ASSIGNEE OF (" + assigned + ", " + other + ")")).containsExactly(USER_ID);
        assertThat(names("is reporter of (" + assigned + ")")).containsExactly(ADMIN_ID);
        assertThat(names("is watcher of (" + other + ")")).containsExactlyInAnyOrder(ADMIN_ID, USER_ID);
        assertThat(names("is commenter of (" + other + ")")).containsExactly(ADMIN_ID);
        assertThat(names("is voter of (" + other + ")")).isEmpty();
        assertThat(names("is transitioner of (" + other + ")")).isEmpty();
        assertThat(names("is assignee of UQ and is watcher of (" + other + ")")).containsExactly(USER_ID);
        assertThat(names("is assignee of UQ OR is commenter of (" + other + ")")).containsExactlyInAnyOrder(ADMIN_ID, USER_ID);
        assertThat(names("[location].office.city is \"Sydney\"")).as("the sandbox keeps no user properties").isEmpty();

        JsonNode page = user.get("/rest/api/3/user/search/query?query=is+watcher+of+(" + other + ")&maxResults=1").json();
        assertThat(page.get("values")).extracting(u -> u.get("accountId").asText())
                .as("Jira filters the range it took: the admin is the first user").containsExactly(ADMIN_ID);
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).contains("startAt=1");
        JsonNode second = user.get("/rest/api/3/user/search/query?query=is+watcher+of+(" + other + ")&maxResults=1&startAt=1")
                .json();
        assertThat(second.get("values")).extracting(u -> u.get("accountId").asText()).containsExactly(USER_ID);
        JsonNode keys = user.get("/rest/api/3/user/search/query/key?query=is+assignee+of+UQ&maxResult=10").json();
        assertThat(keys.get("values")).singleElement().satisfies(k -> assertThat(k.get("accountId").asText()).isEqualTo(USER_ID));
    }

    private java.util.List<String> names(String query) {
        Client.Resp r = user.get("/rest/api/3/user/search/query?query=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        r.json().get("values").forEach(u -> ids.add(u.get("accountId").asText()));
        return ids;
    }

    @Test
    void structuredQueriesOutsideTheDocumentedFormsAreRejectedByName() {
        for (String query : new String[] {"is owner of DEMO", "assignee = admin", "is watcher of DEMO",
                "is assignee of DEMO NOT is reporter of (DEMO-1)", "is assignee of NOPE", "is reporter of (NOPE-99)"}) {
            Client.Resp r = user.get("/rest/api/3/user/search/query?query=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.json().at("/errors/query").asText()).as(query).isNotBlank();
        }
        assertThat(user.get("/rest/api/3/user/search/query?query=is+owner+of+DEMO").json().at("/errors/query").asText())
                .contains("owner");
        assertThat(user.get("/rest/api/3/user/search/query?query=is+assignee+of+NOPE").json().at("/errors/query").asText())
                .contains("NOPE");
        assertThat(user.get("/rest/api/3/user/search/query").status()).isEqualTo(400);
        assertThat(user.get("/rest/api/3/user/search/query?query=is+assignee+of+DEMO&maxResults=-1").status()).isEqualTo(400);
        assertThat(anonymous.get("/rest/api/3/user/search/query?query=is+assignee+of+DEMO").status()).isEqualTo(401);
        SpecCheck.expectRequestViolations(sandbox, "validation.request.parameter.query.missing");
    }

    @Test
    void bulkPermissionCheckAnswersGlobalAndPerProjectGrants() {
        long restricted = project("PCHK", USER_ID, 10000);
        String demoIssue = sandbox.admin().createIssue("DEMO", "Task", "checked");
        String hiddenIssue = sandbox.admin().createIssue("PCHK", "Task", "hidden");
        String body = "{\"globalPermissions\":[\"ADMINISTER\",\"USER_PICKER\"],\"projectPermissions\":[{\"permissions\":"
                + "[\"BROWSE_PROJECTS\",\"ADMINISTER_PROJECTS\"],\"projects\":[10000," + restricted + ",4711],\"issues\":["
                + issueId(demoIssue) + "," + issueId(hiddenIssue) + ",999999]}]}";

        JsonNode mine = user.post("/rest/api/3/permissions/check", body).json();
        assertThat(mine.get("globalPermissions")).extracting(JsonNode::asText).containsExactly("USER_PICKER");
        assertThat(mine.get("projectPermissions")).hasSize(2);
        JsonNode browse = mine.at("/projectPermissions/0");
        assertThat(browse.get("permission").asText()).isEqualTo("BROWSE_PROJECTS");
        assertThat(browse.get("projects")).extracting(JsonNode::asLong).as("the restricted scheme grants admins only")
                .containsExactly(10000L);
        assertThat(browse.get("issues")).extracting(JsonNode::asLong).containsExactly(issueId(demoIssue));
        JsonNode administer = mine.at("/projectPermissions/1");
        assertThat(administer.get("permission").asText()).isEqualTo("ADMINISTER_PROJECTS");
        assertThat(administer.get("projects")).extracting(JsonNode::asLong).as("the user leads it").containsExactly(restricted);
        assertThat(administer.get("issues")).extracting(JsonNode::asLong).containsExactly(issueId(hiddenIssue));

        String forUser = body.replace("{\"globalPermissions\"", "{\"accountId\":\"" + USER_ID + "\",\"globalPermissions\"");
        assertThat(admin.post("/rest/api/3/permissions/check", forUser).json()).as("the admin asks for the user")
                .isEqualTo(mine);
        JsonNode admins = admin.post("/rest/api/2/permissions/check", body).json();
        assertThat(admins.get("globalPermissions")).extracting(JsonNode::asText).containsExactly("ADMINISTER", "USER_PICKER");
        assertThat(admins.at("/projectPermissions/0/projects")).extracting(JsonNode::asLong)
                .containsExactly(10000L, restricted);
        JsonNode nobody = anonymous.post("/rest/api/3/permissions/check", body).json();
        assertThat(nobody.get("globalPermissions")).isEmpty();
        assertThat(nobody.at("/projectPermissions/0/projects")).isEmpty();

        Client.Resp other = user.post("/rest/api/3/permissions/check", body.replace("{\"globalPermissions\"",
                "{\"accountId\":\"" + ADMIN_ID + "\",\"globalPermissions\""));
        assertThat(other.status()).as("only administrators check others").isEqualTo(403);
        assertThat(other.json().at("/errorMessages/0").asText()).isEqualTo("Only Jira administrators can perform this operation.");
        Client.Resp unknownKey = user.post("/rest/api/3/permissions/check", "{\"globalPermissions\":[\"PERMISSION_123\"]}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().at("/errors/PERMISSION_123").asText()).isEqualTo("Unrecognized permission");
        Client.Resp projectAsGlobal = user.post("/rest/api/3/permissions/check", "{\"globalPermissions\":[\"EDIT_ISSUES\"]}");
        assertThat(projectAsGlobal.status()).isEqualTo(400);
        Client.Resp noPermission = user.post("/rest/api/3/permissions/check",
                "{\"projectPermissions\":[{\"permissions\":[],\"projects\":[10000]}]}");
        assertThat(noPermission.status()).isEqualTo(400);
        assertThat(noPermission.json().at("/errors/projectPermissions").asText()).isNotBlank();
        Client.Resp unknownAccount = admin.post("/rest/api/3/permissions/check", "{\"accountId\":\"557058:nobody\"}");
        assertThat(unknownAccount.status()).isEqualTo(400);
        assertThat(unknownAccount.json().at("/errors/accountId").asText()).contains("557058:nobody");
    }

    @Test
    void permittedProjectsAreThoseWhereEveryPermissionIsHeld() {
        long led = project("PPRJ", USER_ID, 10000);
        JsonNode browse = user.post("/rest/api/3/permissions/project", "{\"permissions\":[\"BROWSE_PROJECTS\"]}").json();
        assertThat(browse.get("projects")).extracting(p -> p.get("key").asText()).contains("DEMO").doesNotContain("PPRJ");
        assertThat(browse.at("/projects/0/id").isNumber()).isTrue();
        JsonNode administer = user.post("/rest/api/3/permissions/project", "{\"permissions\":[\"ADMINISTER_PROJECTS\"]}").json();
        assertThat(administer.get("projects")).extracting(p -> p.get("id").asLong()).contains(led)
                .doesNotContain(10000L);
        assertThat(user.post("/rest/api/3/permissions/project", "{\"permissions\":[\"administer_projects\","
                + "\"BROWSE_PROJECTS\"]}").json().get("projects")).extracting(p -> p.get("key").asText())
                .doesNotContain("PPRJ", "DEMO");
        assertThat(admin.post("/rest/api/3/permissions/project", "{\"permissions\":[\"BROWSE_PROJECTS\"]}").json()
                .get("projects")).extracting(p -> p.get("key").asText()).contains("DEMO", "PPRJ");
        assertThat(anonymous.post("/rest/api/3/permissions/project", "{\"permissions\":[\"BROWSE_PROJECTS\"]}").json()
                .get("projects")).isEmpty();

        Client.Resp unknown = user.post("/rest/api/3/permissions/project", "{\"permissions\":[\"FLY\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errorMessages/0").asText()).contains("FLY");
        assertThat(user.post("/rest/api/3/permissions/project", "{\"permissions\":[\"ADMINISTER\"]}").status())
                .as("a global permission is no project permission").isEqualTo(400);
        Client.Resp none = user.post("/rest/api/3/permissions/project", "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/permissions").asText()).isNotBlank();
        SpecCheck.expectRequestViolations(sandbox, "validation.request.body.schema.required");
    }

    @Override
    protected JsonNode workflows(Client client) {
        return client.get("/rest/api/3/workflow/search").json().get("values");
    }

    @Test
    void workflowSearchExpandsTheTransitionsIssuesTakeAndTheirStatuses() {
        JsonNode plain = admin.get("/rest/api/3/workflow/search").json();
        assertThat(plain.get("total").asInt()).isEqualTo(1);
        assertThat(plain.get("isLast").asBoolean()).isTrue();
        assertThat(plain.get("maxResults").asInt()).isEqualTo(50);
        assertThat(plain.at("/values/0").has("transitions")).as("only on expand").isFalse();

        JsonNode full = admin.get("/rest/api/3/workflow/search?expand=transitions.rules,statuses,default,projects,"
                + "operations,hasDraftWorkflow").json().at("/values/0");
        assertThat(full.get("statuses")).extracting(s -> s.get("id").asText() + " " + s.get("name").asText())
                .containsExactly("10000 To Do", "3 In Progress", "10001 Done");
        JsonNode transitions = full.get("transitions");
        assertThat(transitions).extracting(t -> t.get("id").asText() + " " + t.get("name").asText() + " "
                + t.get("type").asText() + " " + t.get("from") + " -> " + t.get("to").asText())
                .containsExactly("1 Create initial [] -> 10000", "11 Start Progress directed [\"10000\"] -> 3",
                        "21 Done directed [\"10000\",\"3\"] -> 10001", "31 Stop Progress directed [\"3\"] -> 10000",
                        "41 Reopen directed [\"10001\"] -> 10000");
        assertThat(transitions.get(2).at("/screen/name").asText()).isEqualTo("Resolve Issue Screen");
        assertThat(transitions.get(1).has("screen")).isFalse();
        assertThat(transitions.get(1).at("/rules/postFunctions")).isNotEmpty();
        assertThat(full.get("isDefault").asBoolean()).isTrue();
        assertThat(full.get("hasDraftWorkflow").asBoolean()).isFalse();
        assertThat(full.at("/operations/canEdit").asBoolean()).isFalse();
        assertThat(full.get("projects")).extracting(p -> p.get("key").asText()).contains("DEMO");

        // the transitions are the ones an issue is offered
        String key = sandbox.admin().createIssue("DEMO", "Task", "offered transitions");
        assertThat(admin.get("/rest/api/3/issue/" + key + "/transitions").json().get("transitions"))
                .extracting(t -> t.get("id").asText()).containsExactlyInAnyOrder("11", "21");

        assertThat(admin.get("/rest/api/3/workflow/search?workflowName=jira").json().get("values")).isEmpty();
        assertThat(admin.get("/rest/api/3/workflow/search?queryString=sandbox&isActive=true").json().get("total").asInt())
                .isEqualTo(1);
        assertThat(admin.get("/rest/api/3/workflow/search?isActive=false").json().get("values")).isEmpty();
        JsonNode beyond = admin.get("/rest/api/3/workflow/search?startAt=1").json();
        assertThat(beyond.get("values")).isEmpty();
        assertThat(admin.get("/rest/api/3/workflow/search?maxResults=0").json().get("nextPage").asText())
                .contains("startAt=0");
        for (String bad : new String[] {"expand=everything", "orderBy=size", "startAt=-1", "maxResults=lots", "isActive=maybe"}) {
            Client.Resp r = admin.get("/rest/api/3/workflow/search?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().at("/errorMessages/0").asText()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
        SpecCheck.expectRequestViolations(sandbox);
    }

    @Test
    void screensAreJirasThreeDefaultsPagedForAdministrators() {
        JsonNode all = admin.get("/rest/api/3/screens").json();
        assertThat(all.get("values")).extracting(s -> s.get("id").asLong() + " " + s.get("name").asText())
                .containsExactly("1 Default Screen", "2 Workflow Screen", "3 Resolve Issue Screen");
        assertThat(all.get("maxResults").asInt()).isEqualTo(100);
        assertThat(all.get("isLast").asBoolean()).isTrue();
        assertThat(admin.get("/rest/api/3/screens?id=3&id=1&orderBy=-name").json().get("values"))
                .extracting(s -> s.get("id").asLong()).containsExactly(3L, 1L);
        assertThat(admin.get("/rest/api/3/screens?queryString=RESOLVE").json().get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/rest/api/3/screens?scope=PROJECT").json().get("values")).as("all are global").isEmpty();
        JsonNode page = admin.get("/rest/api/3/screens?maxResults=2").json();
        assertThat(page.get("values")).hasSize(2);
        assertThat(page.get("isLast").asBoolean()).isFalse();
        assertThat(page.get("nextPage").asText()).contains("startAt=2");
        assertThat(admin.get("/rest/api/2/screens?startAt=2").json().get("values")).singleElement()
                .satisfies(s -> assertThat(s.get("name").asText()).isEqualTo("Resolve Issue Screen"));

        assertThat(user.get("/rest/api/3/screens").status()).isEqualTo(403);
        for (String bad : new String[] {"id=first", "scope=TEAM", "orderBy=size", "maxResults=-1"}) {
            Client.Resp r = admin.get("/rest/api/3/screens?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().at("/errorMessages/0").asText()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
        SpecCheck.expectRequestViolations(sandbox);
    }
}
