package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.SandboxUsers;
import dev.cameljira.sandbox.servicenow.Incident;
import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.TicketDraft;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskTicket;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates instantiated the way users do, with nothing but configuration: Camel Main's
 * {@code camel.route-template[n].*} properties and a YAML {@code templatedRoute}, the connections from
 * {@code camel.component.*} properties. No RoutesBuilder is named: the jar registers its templates itself.
 */
class InstantiationTest {
    @TempDir
    Path dir;
    private JiraSandbox sandbox;
    private Main main;

    @BeforeEach
    void sandbox() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        sandbox.close();
    }

    private Main main(Map<String, String> props) throws Exception {
        Main m = new Main();
        m.addInitialProperty("camel.component.jira.jira-url", sandbox.baseUrl());
        m.addInitialProperty("camel.component.jira.username", SandboxUsers.ADMIN_EMAIL);
        m.addInitialProperty("camel.component.jira.api-token", SandboxUsers.ADMIN_TOKEN);
        m.addInitialProperty("camel.component.zendesk.server-url", sandbox.baseUrl());
        m.addInitialProperty("camel.component.zendesk.username", ZendeskEmulator.AGENT_EMAIL);
        m.addInitialProperty("camel.component.zendesk.token", ZendeskEmulator.AGENT_API_TOKEN);
        m.addInitialProperty("camel.component.servicenow.api-url", sandbox.baseUrl() + "/api");
        m.addInitialProperty("camel.component.servicenow.user-name", ServiceNowEmulator.ADMIN_USER);
        m.addInitialProperty("camel.component.servicenow.password", ServiceNowEmulator.ADMIN_PASSWORD);
        props.forEach(m::addInitialProperty);
        m.start();
        return m;
    }

    @Test
    void bothTemplatesFromCamelMainProperties() throws Exception {
        main = main(Map.ofEntries(
                // the name in brackets is the route id
                Map.entry("camel.route-template[zendesk-sync].template-id", "jira-zendesk-sync"),
                Map.entry("camel.route-template[zendesk-sync].jiraProject", "DEMO"),
                Map.entry("camel.route-template[zendesk-sync].pollInterval", "500ms"),
                Map.entry("camel.route-template[zendesk-sync].since", "-1h"),
                Map.entry("camel.route-template[zendesk-sync].stateDirectory", dir.toString()),
                Map.entry("camel.route-template[servicenow-sync].template-id", "jira-servicenow-sync"),
                Map.entry("camel.route-template[servicenow-sync].jira-project", "DEMO"),
                Map.entry("camel.route-template[servicenow-sync].poll-interval", "500ms"),
                Map.entry("camel.route-template[servicenow-sync].since", "-1h"),
                Map.entry("camel.route-template[servicenow-sync].state-directory", dir.toString())));

        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("From properties", "x"));
        Incident i = sandbox.serviceNow().createIncident("From properties too");

        await().atMost(Duration.ofSeconds(20)).until(() -> SyncEnvironment.linked(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId())
                && SyncEnvironment.linked(sandbox.serviceNow().incident(i.sysId()).orElseThrow().correlationId()));
        assertThat(main.getCamelContext().getRoute("zendesk-sync")).isNotNull();
        assertThat(main.getCamelContext().getRoute("zendesk-sync-zendesk-poll")).isNotNull();
        assertThat(main.getCamelContext().getRoute("servicenow-sync-servicenow-poll")).isNotNull();
    }

    @Test
    void theZendeskTemplateFromAYamlTemplatedRoute() throws Exception {
        Path yaml = dir.resolve("sync.camel.yaml");
        Files.writeString(yaml, """
                - templatedRoute:
                    routeTemplateRef: jira-zendesk-sync
                    routeId: yaml-sync
                    parameters:
                      - name: jiraProject
                        value: DEMO
                      - name: pollInterval
                        value: 500ms
                      - name: since
                        value: -1h
                      - name: stateDirectory
                        value: "%s"
                      - name: statusMap
                        value: "To Do:open,In Progress:open,Done:solved,To Do:new,*:open,To Do:*"
                """.formatted(dir.toString().replace("\\", "/")), StandardCharsets.UTF_8);
        main = main(Map.of("camel.main.routes-include-pattern", "file:" + yaml));

        ZendeskTicket t = sandbox.zendesk().createTicket(TicketDraft.of("From YAML", "x"));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                SyncEnvironment.linked(sandbox.zendesk().ticket(t.id()).orElseThrow().externalId()));
        assertThat(main.getCamelContext().getRoute("yaml-sync")).isNotNull();
    }
}
