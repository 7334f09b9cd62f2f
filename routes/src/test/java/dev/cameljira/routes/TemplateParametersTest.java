package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.cameljira.routes.engine.FieldMap;
import dev.cameljira.sandbox.JiraSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A wrong or missing parameter stops the start with a message naming the parameter and what it allows. */
class TemplateParametersTest {
    private static JiraSandbox sandbox;
    @TempDir
    static Path state;

    @BeforeAll
    static void sandbox() {
        sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD);
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("jira-zendesk-sync", Map.of("direction", "sideways"),
                        new String[] {"'direction'", "'sideways'", "both, from-jira, to-jira"}),
                Arguments.of("jira-zendesk-sync", Map.of("statusMap", "Done:finished"),
                        new String[] {"'statusMap'", "'finished'", "solved"}),
                Arguments.of("jira-zendesk-sync", Map.of("statusMap", "Done"),
                        new String[] {"'statusMap'", "'Done'", "jiraValue:otherValue"}),
                Arguments.of("jira-servicenow-sync", Map.of("statusMap", "Done:Finished"),
                        new String[] {"'statusMap'", "'Finished'", "1, 2"}),
                Arguments.of("jira-zendesk-sync", Map.of("priorityMap", "High:critical"),
                        new String[] {"'priorityMap'", "'critical'", "urgent"}),
                Arguments.of("jira-zendesk-sync", Map.of("userMatch", "name"),
                        new String[] {"'userMatch'", "email, none"}),
                Arguments.of("jira-zendesk-sync", Map.of("syncComments", "some"),
                        new String[] {"'syncComments'", "all, none, public"}),
                Arguments.of("jira-zendesk-sync", Map.of("syncAttachments", "yes"),
                        new String[] {"'syncAttachments'", "false, true"}),
                Arguments.of("jira-zendesk-sync", Map.of("pollInterval", "soon"),
                        new String[] {"'pollInterval'", "30s"}),
                Arguments.of("jira-zendesk-sync", Map.of("deadLetterUri", "failed tickets"),
                        new String[] {"'deadLetterUri'", "log"}),
                Arguments.of("jira-zendesk-sync", Map.of("selector", "color:red"),
                        new String[] {"'selector'", "'color'", "tags, status"}),
                Arguments.of("jira-zendesk-sync", Map.of("fallbackAssignee", "jane"),
                        new String[] {"'fallbackAssignee'", "e-mail"}),
                Arguments.of("jira-zendesk-sync", Map.of("jiraProject", "demo project"),
                        new String[] {"'jiraProject'", "project key"}),
                Arguments.of("jira-zendesk-sync", Map.of("webhooks", "true"),
                        new String[] {"'jiraWebhookSecret'", "blank", "allowUnsignedWebhooks"}),
                Arguments.of("jira-servicenow-sync", Map.of("webhooks", "true", "jiraWebhookSecret", "s3cret"),
                        new String[] {"'servicenowWebhookSecret'", "blank"}),
                Arguments.of("jira-zendesk-sync", Map.of("stateRepository", "noSuchBean"),
                        new String[] {"'stateRepository'", "'noSuchBean'", "StateRepository"}),
                Arguments.of("jira-zendesk-sync", Map.of("maximumRedeliveries", "-1"),
                        new String[] {"'maximumRedeliveries'", "0 or a positive"}));
    }

    @ParameterizedTest
    @MethodSource("wrong")
    void aWrongParameterStopsTheStartNamingItAndTheAllowedValues(String template, Map<String, String> bad,
                                                                String[] expected) throws Exception {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("jiraProject", "DEMO");
            params.put("stateDirectory", state.toString());
            params.putAll(bad);
            TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(ctx, template).routeId("bad");
            params.forEach(b::parameter);
            b.add();
            assertThatThrownBy(ctx::start).hasStackTraceContaining(template)
                    .satisfies(e -> {
                        String all = stackText(e);
                        for (String s : expected) {
                            assertThat(all).contains(s);
                        }
                    });
            assertThat(sandbox.admin().issueCount()).isZero();
        } finally {
            ctx.close();
        }
    }

    @Test
    void aMissingRequiredParameterIsNamed() throws Exception {
        CamelContext ctx = SyncEnvironment.newContext(sandbox);
        try {
            assertThatThrownBy(() -> TemplatedRouteBuilder.builder(ctx, "jira-zendesk-sync").routeId("x").add())
                    .hasMessageContaining("jiraProject");
        } finally {
            ctx.close();
        }
    }

    @Test
    void secretsStayOutOfTheSettingsText() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("jiraProject", "DEMO");
        TemplateParameter.ALL.stream().filter(t -> t.appliesTo(SyncSystem.ZENDESK) && t.zendeskDefault() != null)
                .forEach(t -> p.putIfAbsent(t.name(), t.zendeskDefault()));
        p.put("webhooks", "true");
        p.put("jiraWebhookSecret", "very-secret-1");
        p.put("zendeskWebhookSecret", "very-secret-2");
        SyncSettings s = SyncSettings.from(SyncSystem.ZENDESK, p);
        assertThat(s.toString()).doesNotContain("very-secret");
        assertThat(s.jiraWebhookSecret()).isEqualTo("very-secret-1");
    }

    @Test
    void mapsGoBothWaysWithDefaultsForTheUnmapped() {
        FieldMap m = FieldMap.parse("statusMap", "To Do:open,In Progress:open,Done:solved,To Do:new,*:open,To Do:*",
                null, FieldMap::lower);
        assertThat(m.toOther("Done")).contains("solved");
        assertThat(m.toOther("In Progress")).contains("open");
        assertThat(m.toOther("In Review")).contains("open");
        assertThat(m.mapsJira("In Review")).isFalse();
        assertThat(m.toJira("open")).contains("To Do");
        assertThat(m.toJira("new")).contains("To Do");
        assertThat(m.toJira("solved")).contains("Done");
        assertThat(m.toJira("hold")).contains("To Do");
        assertThat(m.mapsOther("hold")).isFalse();
        FieldMap noDefault = FieldMap.parse("statusMap", "Done:solved", null, FieldMap::lower);
        assertThat(noDefault.toOther("To Do")).isEmpty();
    }

    private static String stackText(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            b.append(x.getMessage()).append('\n');
        }
        return b.toString();
    }
}
