package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin webhook API is in neither document; both validators hold it to the same hand-written contract. */
class AdminWebhookSpecTest {

    static final String REGISTER = """
            {"name":"camel-jira DEMO","url":"https://camel.example.com/jira/webhook",
             "events":["jira:issue_created","jira:issue_updated","comment_created"],
             "filters":{"issue-related-events-section":"project = DEMO"},"excludeBody":false,"secret":"s3cr3t"}""";

    static final String REGISTERED = """
            {"self":"https://example.atlassian.net/rest/webhooks/1.0/webhook/7","name":"camel-jira DEMO",
             "url":"https://camel.example.com/jira/webhook","events":["jira:issue_created","jira:issue_updated"],
             "filters":{"issue-related-events-section":"project = DEMO"},"excludeBody":false,"enabled":true,
             "lastUpdatedUser":"5b10a2844c20165700ede21g","lastUpdated":1764324900000}""";

    static List<JiraSpecValidator> validators() {
        return List.of(JiraSpecValidator.cloud(), JiraSpecValidator.dataCenter());
    }

    @ParameterizedTest
    @MethodSource("validators")
    void registerListAndDeleteConform(JiraSpecValidator validator) {
        assertThat(validator.validate(Exchange.post("/rest/webhooks/1.0/webhook", REGISTER).respond(201, REGISTERED)
                .build())).isEmpty();
        assertThat(validator.validate(Exchange.get("/rest/webhooks/1.0/webhook").respond(200, "[" + REGISTERED + "]")
                .build())).isEmpty();
        assertThat(validator.validate(Exchange.get("/rest/webhooks/1.0/webhook/7").respond(200, REGISTERED).build()))
                .isEmpty();
        assertThat(validator.validate(Exchange.put("/rest/webhooks/1.0/webhook/7", REGISTER).respond(200, REGISTERED)
                .build())).isEmpty();
        assertThat(validator.validate(Exchange.of("DELETE", "/rest/webhooks/1.0/webhook/7").respond(204).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validators")
    void badRegistrationsAreNamed(JiraSpecValidator validator) {
        assertThat(validator.validateRequest(Exchange.post("/rest/webhooks/1.0/webhook",
                "{\"name\":\"n\",\"events\":[]}").build()))
                .hasSize(2)
                .allSatisfy(v -> assertThat(v).startsWith("POST /rest/webhooks/1.0/webhook request: jira.webhook.request"))
                .anySatisfy(v -> assertThat(v).contains("url is required"))
                .anySatisfy(v -> assertThat(v).contains("events must be a non-empty array"));
        assertThat(validator.validateRequest(Exchange.post("/rest/webhooks/1.0/webhook",
                REGISTER.replace("\"excludeBody\"", "\"excludeIssueDetails\"")).build()))
                .singleElement().asString().contains("unexpected property \"excludeIssueDetails\"");
        assertThat(validator.validateRequest(Exchange.post("/rest/webhooks/1.0/webhook",
                REGISTER.replace("https://camel.example.com/jira/webhook", "camel/jira")).build()))
                .singleElement().asString().contains("absolute http(s) URL");
        assertThat(validator.validateRequest(Exchange.post("/rest/webhooks/1.0/webhook",
                REGISTER.replace("\"project = DEMO\"", "[\"project = DEMO\"]")).build()))
                .singleElement().asString().contains("filters must be an object of strings");
    }

    @ParameterizedTest
    @MethodSource("validators")
    void badResponsesAndOperationsAreNamed(JiraSpecValidator validator) {
        assertThat(validator.validate(Exchange.post("/rest/webhooks/1.0/webhook", REGISTER)
                .respond(201, "{\"name\":\"x\"}").build()))
                .hasSize(3).allSatisfy(v -> assertThat(v).contains("response 201: jira.webhook.response"));
        assertThat(validator.validate(Exchange.get("/rest/webhooks/1.0/webhook").respond(200, REGISTERED).build()))
                .singleElement().asString().contains("returns a JSON array");
        assertThat(validator.validate(Exchange.post("/rest/webhooks/1.0/webhook", REGISTER).respond(204).build()))
                .singleElement().asString().contains("unexpected status");
        assertThat(validator.validate(Exchange.post("/rest/webhooks/1.0/webhook", REGISTER)
                .respond(403, "{\"errorMessages\":[\"You are not an administrator\"],\"errors\":{}}").build()))
                .isEmpty();
        assertThat(validator.validate(Exchange.post("/rest/webhooks/1.0/webhook", REGISTER)
                .respond(403, "{\"error\":\"forbidden\"}").build()))
                .anySatisfy(v -> assertThat(v).contains("jira.response.errorCollection"));
        assertThat(validator.validateRequest(Exchange.of("PATCH", "/rest/webhooks/1.0/webhook/7").build()))
                .singleElement().asString().contains(JiraSpecValidator.UNKNOWN);
        assertThat(validator.validateRequest(Exchange.get("/rest/webhooks/1.0/webhook/seven").build()))
                .singleElement().asString().contains(JiraSpecValidator.UNKNOWN);
    }
}
