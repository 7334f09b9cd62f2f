package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DC document fixes for votes and notification schemes ({@link DcSpecDefects#declareVoteNoContent},
 * {@link DcSpecDefects#fixNotificationSchemeEvents}), application properties and roles: Jira's real answers conform,
 * wrong ones are still reported.
 */
class VoteAndNotificationSpecDefectsTest {

    private static JiraSpecValidator dc;

    @BeforeAll
    static void load() {
        dc = JiraSpecValidator.dataCenter();
    }

    @Test
    void addingAVoteAnswers204WithoutBody() {
        assertThat(dc.validate(Exchange.of("POST", "/rest/api/2/issue/DEMO-1/votes").respond(204).build())).isEmpty();
        assertThat(dc.validate(Exchange.of("POST", "/rest/api/2/issue/DEMO-1/votes").respond(201).build()))
                .as("another success status is still not Jira's").isNotEmpty();
    }

    @Test
    void notificationSchemeEventsAreAList() {
        String scheme = """
                {"id":10000,"self":"http://jira.local/rest/api/2/notificationscheme/10000","name":"Default Notification Scheme",
                 "notificationSchemeEvents":%s}""";
        String events = "[{\"event\":{\"id\":1,\"name\":\"Issue Created\"},\"notifications\":[{\"id\":1,"
                + "\"notificationType\":\"Reporter\"}]}]";
        assertThat(dc.validate(Exchange.get("/rest/api/2/project/DEMO/notificationscheme")
                .respond(200, scheme.formatted(events)).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/project/DEMO/notificationscheme")
                .respond(200, scheme.formatted("{\"event\":1}")).build())).as("an object is not the list").isNotEmpty();
    }

    @Test
    void applicationPropertiesAreAListOrTheOneAsked() {
        String one = "{\"id\":\"jira.title\",\"key\":\"jira.title\",\"value\":\"Jira\"}";
        assertThat(dc.validate(Exchange.get("/rest/api/2/application-properties").respond(200, "[" + one + "]").build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/application-properties").query("key", "jira.title").respond(200, one).build()))
                .isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/application-properties").respond(200, "[{\"key\":5}]").build()))
                .as("a property's key is a string").isNotEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/application-properties").respond(200, "[\"jira.title\"]").build()))
                .as("items are properties").isNotEmpty();
    }

    @Test
    void applicationRolesAreAList() {
        String role = "{\"key\":\"jira-software\",\"groups\":[\"jira-software-users\"],\"name\":\"Jira Software\","
                + "\"defaultGroups\":[\"jira-software-users\"],\"defined\":true,\"numberOfSeats\":10,\"userCount\":2}";
        assertThat(dc.validate(Exchange.get("/rest/api/2/applicationrole").respond(200, "[" + role + "]").build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/applicationrole/jira-software").respond(200, role).build()))
                .as("one role by key").isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/applicationrole").respond(200, "[{\"userCount\":\"two\"}]")
                .build())).as("items are still roles").isNotEmpty();
    }

    @Test
    void workflowsAreAListOrTheOneNamed() {
        String one = "{\"name\":\"Sandbox Workflow\",\"description\":\"d\",\"steps\":3,\"default\":true}";
        assertThat(dc.validate(Exchange.get("/rest/api/2/workflow").respond(200, "[" + one + "]").build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/workflow").query("workflowName", "Sandbox Workflow")
                .respond(200, one).build())).isEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/workflow").respond(200, "[{\"name\":\"w\",\"steps\":\"three\"}]")
                .build())).as("steps are a number").isNotEmpty();
        assertThat(dc.validate(Exchange.get("/rest/api/2/workflow").respond(200, "[{\"description\":\"no name\"}]").build()))
                .as("a workflow has a name").isNotEmpty();
    }
}
