package dev.cameljira.jira.catalog;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.jira.JiraConstants;
import dev.cameljira.jira.JiraEndpointUriFactory;
import dev.cameljira.jira.JiraOperation;
import dev.cameljira.jira.consumer.JiraConsumerType;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated catalog descriptor (jira.json) that Camel tooling, IDEs, Kaoto and the docs read: it must list every
 * operation, describe every option and header, and mark the secrets so that tooling and Camel mask them.
 */
class JiraCatalogTest {

    private static final Set<String> SECRETS = Set.of("password", "apiToken", "accessToken", "proxyPassword");
    /** Option names that look like a secret; each of them must be marked secret. */
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(password|token|secret|passphrase).*");

    private final JsonNode json = CatalogJson.load();

    @Test
    void describesTheJiraComponent() {
        JsonNode c = json.path("component");
        assertThat(c.path("scheme").asText()).isEqualTo("jira");
        assertThat(c.path("syntax").asText()).isEqualTo("jira:operation");
        assertThat(c.path("javaType").asText()).isEqualTo("dev.cameljira.jira.JiraComponent");
        assertThat(c.path("description").asText()).isNotBlank();
    }

    @Test
    void operationEnumListsEveryOperationAliasAndConsumer() {
        JsonNode operation = json.path("properties").path("operation");
        assertThat(operation.path("kind").asText()).isEqualTo("path");
        assertThat(operation.path("required").asBoolean()).isTrue();
        List<String> listed = new ArrayList<>();
        operation.path("enum").forEach(e -> listed.add(e.asText()));

        Set<String> expected = new LinkedHashSet<>();
        for (JiraOperation op : JiraOperation.values()) {
            expected.add(op.uriName());
            expected.addAll(op.aliases());
        }
        for (JiraConsumerType t : JiraConsumerType.values()) {
            expected.add(t.uriName());
        }
        assertThat(listed).as("the operation enum of jira.json (JiraEndpoint's @UriPath enums)").containsAll(expected);
        assertThat(listed).as("no duplicates").doesNotHaveDuplicates();
        assertThat(listed).as("every listed name is a producer operation or a consumer kind")
                .allSatisfy(n -> assertThat(JiraOperation.find(n).isPresent() || JiraConsumerType.find(n).isPresent())
                        .as(n).isTrue());
    }

    @Test
    void everyComponentAndEndpointOptionHasADescription() {
        for (String section : List.of("componentProperties", "properties")) {
            List<String> undocumented = new ArrayList<>();
            json.path(section).properties().forEach(e -> {
                if (e.getValue().path("description").asText("").isBlank()) {
                    undocumented.add(e.getKey());
                }
            });
            assertThat(undocumented).as("options of %s without a description", section).isEmpty();
            assertThat(json.path(section).size()).as(section).isGreaterThan(20);
        }
    }

    @Test
    void credentialsAreSecretEverywhere() {
        for (String section : List.of("componentProperties", "properties")) {
            for (String name : SECRETS) {
                assertThat(json.path(section).path(name).path("secret").asBoolean()).as("%s.%s is secret", section, name)
                        .isTrue();
            }
            json.path(section).properties().forEach(e -> {
                if (SECRET_LOOKING.matcher(e.getKey()).matches()) {
                    assertThat(e.getValue().path("secret").asBoolean()).as("%s.%s looks like a secret", section, e.getKey())
                            .isTrue();
                }
            });
        }
        assertThat(new JiraEndpointUriFactory().secretPropertyNames()).containsAll(SECRETS);
    }

    @Test
    void everyHeaderConstantIsDocumented() throws IllegalAccessException {
        JsonNode headers = json.path("headers");
        List<String> constants = new ArrayList<>();
        for (Field f : JiraConstants.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
                String header = (String) f.get(null);
                constants.add(header);
                assertThat(f.getAnnotation(Metadata.class)).as("@Metadata on JiraConstants.%s", f.getName()).isNotNull();
                JsonNode h = headers.path(header);
                assertThat(h.isObject()).as("header %s (JiraConstants.%s) in jira.json", header, f.getName()).isTrue();
                assertThat(h.path("description").asText()).as("description of header %s", header).isNotBlank();
                assertThat(h.path("javaType").asText()).as("javaType of header %s", header).isNotBlank();
            }
        }
        assertThat(headers.size()).as("headers in jira.json = header constants").isEqualTo(constants.size());
    }

    @Test
    void camelJiraNamesAreListed() {
        for (String header : List.of("IssueKey", "ProjectKey", "IssueTypeId", "IssueTypeName", "IssueSummary",
                "IssueDescription", "IssueAssignee", "IssueAssigneeId", "IssuePriorityId", "IssuePriorityName",
                "IssueComponents", "IssueTransitionId", "IssueWatchersAdd", "IssueWatchersRemove", "ParentIssueKey",
                "ChildIssueKey", "linkType", "minutesSpent")) {
            assertThat(json.path("headers").has(header)).as("camel-jira header %s", header).isTrue();
        }
        for (String option : List.of("jiraUrl", "username", "password", "accessToken")) {
            assertThat(json.path("properties").has(option)).as("camel-jira option %s", option).isTrue();
        }
        Map<String, String> javaTypes = Map.of("IssueTypeId", "Long", "IssuePriorityId", "Long", "IssueTransitionId", "Integer");
        javaTypes.forEach((h, t) -> assertThat(json.path("headers").path(h).path("javaType").asText()).as(h).isEqualTo(t));
    }
}
