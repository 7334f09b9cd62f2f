package dev.cameljira.jira.consumer.webhook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameljira.jira.client.JiraPermissionException;
import dev.cameljira.sandbox.webhook.WebhookRegistration;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * registerWebhook=true against the sandbox's admin webhook API: one registration with the configured events, JQL filter
 * and secret on start, reused across a restart, removed on stop; a user without Jira Administrators gets an error that
 * explains the permission and the by-hand alternative.
 */
abstract class WebhookRegistrationContract extends WebhookSandboxTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String uri(String path, String extra) {
        return "jira:webhook?webhookPath=" + path + "&registerWebhook=true&webhookExternalUrl=" + externalUrl(path)
               + "&secret=reg-secret&events=jira:issue_created,comment_*&jql=project = DEMO&webhookName=Sync to Zendesk" + extra;
    }

    @Test
    void registersOnStartReusesOnRestartAndRemovesOnStop() throws Exception {
        String path = "/reg/lifecycle";
        startRoute("reg", uri(path, ""));

        List<WebhookRegistration> registered = registrationsFor(externalUrl(path));
        assertThat(registered).hasSize(1);
        WebhookRegistration w = registered.get(0);
        assertThat(w.name()).isEqualTo("Sync to Zendesk");
        assertThat(w.events()).containsExactly("jira:issue_created", "comment_created", "comment_updated", "comment_deleted");
        assertThat(w.jqlFilter()).isEqualTo("project = DEMO");
        assertThat(w.secret()).isEqualTo("reg-secret");
        assertThat(w.excludeBody()).isFalse();
        assertThat(consumer("reg").getRegistrationId()).isEqualTo(String.valueOf(w.id()));

        context.getRouteController().stopRoute("reg");
        assertThat(registrationsFor(externalUrl(path))).as("removed on stop").isEmpty();

        context.getRouteController().startRoute("reg");
        context.getRouteController().stopRoute("reg");
        context.getRouteController().startRoute("reg");
        assertThat(registrationsFor(externalUrl(path))).as("one registration after restarts").hasSize(1);
    }

    @Test
    void restartWithoutUnregisterReusesTheRegistration() throws Exception {
        String path = "/reg/keep";
        startRoute("keep", uri(path, "&unregisterOnStop=false"));
        long id = registrationsFor(externalUrl(path)).get(0).id();

        context.getRouteController().stopRoute("keep");
        assertThat(registrationsFor(externalUrl(path))).as("kept on stop").hasSize(1);
        context.getRouteController().startRoute("keep");

        assertThat(registrationsFor(externalUrl(path))).singleElement()
                .satisfies(w -> assertThat(w.id()).as("the same registration").isEqualTo(id));
        removeAllRegistrations(path);
    }

    @Test
    void duplicatesForTheSameUrlAreCollapsedAndUpdated() throws Exception {
        String path = "/reg/duplicates";
        String url = externalUrl(path);
        for (int i = 0; i < 2; i++) {
            var body = JSON.createObjectNode().put("name", "by hand " + i).put("url", url);
            body.putArray("events").add("jira:issue_deleted");
            assertThat(adminCall("POST", WebhookRegistrar.PATH, body.toString()).statusCode()).isEqualTo(201);
        }
        assertThat(registrationsFor(url)).hasSize(2);

        startRoute("dups", uri(path, ""));

        assertThat(registrationsFor(url)).singleElement().satisfies(w -> {
            assertThat(w.events()).as("brought up to date").contains("jira:issue_created").doesNotContain("jira:issue_deleted");
            assertThat(w.secret()).isEqualTo("reg-secret");
        });
    }

    @Test
    void nonAdminGetsAnExplanationAndTheRouteDoesNotStart() {
        String path = "/reg/forbidden";
        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(path, "&" + userCredentials())).routeId("forbidden").process(recorder::record);
            }
        }));

        Throwable permission = Stream.iterate(thrown, Objects::nonNull, Throwable::getCause)
                .filter(JiraPermissionException.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("expected a JiraPermissionException, got " + thrown, thrown));
        assertThat(permission)
                .hasMessageContaining("Jira Administrators global permission")
                .hasMessageContaining("registerWebhook=false")
                .hasMessageContaining("by hand")
                .hasMessageContaining(externalUrl(path))
                .hasMessageNotContaining("reg-secret")
                .hasMessageNotContaining("sandbox-user-token");
        assertThat(((JiraPermissionException) permission).getStatus()).isEqualTo(403);
        assertThat(registrationsFor(externalUrl(path))).isEmpty();
        assertThat(http.send(http.post(path, "{}".getBytes()).build()).statusCode())
                .as("the path is closed again").isEqualTo(404);
    }

    @Test
    void receiveOnlyNeverCallsTheWebhookApi() throws Exception {
        startRoute("ro", "jira:webhook?webhookPath=/reg/receive-only&secret=ro-secret&" + userCredentials());
        assertThat(sandbox.admin().requests()).as("no call to Jira").isEmpty();
        assertThat(registrationsFor(externalUrl("/reg/receive-only"))).isEmpty();
    }

    private void removeAllRegistrations(String path) {
        for (WebhookRegistration w : registrationsFor(externalUrl(path))) {
            assertThat(adminCall("DELETE", WebhookRegistrar.PATH + "/" + w.id(), null).statusCode()).isEqualTo(204);
        }
    }
}
