package dev.cameljira.jira.consumer.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.cameljira.jira.test.JiraSandboxTestSupport;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.webhook.WebhookRegistration;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the webhook tests against the sandbox Jira: the sandbox (spec-checked, Cloud or Data Center), a CamelContext
 * whose jira component points at it as its admin, and a platform-http server on 127.0.0.1 with a free port, whose
 * address the sandbox delivers to. Routes are added per test and removed after it.
 */
abstract class WebhookSandboxTestSupport extends JiraSandboxTestSupport {

    protected WebhookHttp http;
    protected final WebhookHttp.Recorder recorder = new WebhookHttp.Recorder();

    @Override
    protected void configure(CamelContext context) throws Exception {
        http = WebhookHttp.bind(context);
    }

    /** The URL Jira reaches a path at. */
    protected String externalUrl(String path) {
        return http.url(path);
    }

    /** Starts a route {@code from(uri)} that records what it receives. */
    protected void startRoute(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(recorder::record);
            }
        });
    }

    protected JiraWebhookConsumer consumer(String routeId) {
        Route route = context.getRoute(routeId);
        return (JiraWebhookConsumer) route.getConsumer();
    }

    protected List<WebhookRegistration> registrationsFor(String url) {
        return sandbox.admin().webhooks().stream().filter(w -> w.url().equals(url)).toList();
    }

    /** User credentials for the URI: the non-admin user. */
    protected String userCredentials() {
        return "username=" + (isCloud() ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME) + "&apiToken="
               + SandboxUsers.USER_TOKEN;
    }

    /** Calls the sandbox's REST API directly as its admin (not through the component). */
    protected HttpResponse<String> adminCall(String method, String path, String jsonBody) {
        String user = isCloud() ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME;
        String auth = Base64.getEncoder().encodeToString((user + ":" + SandboxUsers.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).header("Authorization", "Basic " + auth);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build());
    }

    @AfterEach
    void removeRoutes() throws Exception {
        for (Route r : List.copyOf(context.getRoutes())) {
            context.getRouteController().stopRoute(r.getRouteId());
            context.removeRoute(r.getRouteId());
        }
        recorder.clear();
        sandbox.admin().clearDeliveries();
    }
}
