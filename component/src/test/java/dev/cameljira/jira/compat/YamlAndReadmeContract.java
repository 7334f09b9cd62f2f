package dev.cameljira.jira.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cameljira.sandbox.SandboxUsers;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the project's README.md run as written (the Java DSL snippet is compiled at test time, the YAML
 * snippet loaded with Camel's routes loader; only the sandbox's URL replaces {@code http://localhost:8089} and the
 * {@code {{jira.*}}} placeholders), and a YAML DSL route file (createIssue, then searchIssues split in streaming mode)
 * loaded from the test resources.
 */
abstract class YamlAndReadmeContract extends CamelJiraCompatSupport {

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path tmp;

    @Override
    protected void addRoutes(CamelContext context) {
        context.getPropertiesComponent().addInitialProperty("jira.url", sandbox.baseUrl());
        context.getPropertiesComponent().addInitialProperty("jira.user", SandboxUsers.ADMIN_EMAIL);
        context.getPropertiesComponent().addInitialProperty("jira.token", SandboxUsers.ADMIN_TOKEN);
        // the log EIP logs under this name (enabled at INFO by the tests' simplelogger.properties) and tells the listener
        context.getGlobalOptions().put(Exchange.LOG_EIP_NAME, "dev.cameljira.readme");
        context.getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            logged.add(message);
            return message;
        });
    }

    // ---- README.md ---------------------------------------------------------------------------------------------

    @Test
    void readmeJavaRouteCreatesTheIssueAndComments() throws Exception {
        String snippet = readmeBlock("java").replace("http://localhost:8089", sandbox.baseUrl());
        context.addRoutes(JavaSnippetCompiler.compile(snippet, tmp));

        Exchange ex = send("direct:report", Map.of("printer", "HP-42"), null);
        assertThat(ex.getException()).isNull();
        String key = ex.getMessage().getHeader("CamelJiraIssueKey", String.class);
        var issue = sandbox.admin().issue(key);
        assertThat(issue.at("/fields/summary").asText()).isEqualTo("Printer HP-42 is on fire");
        assertThat(issue.at("/fields/issuetype/name").asText()).isEqualTo("Bug");
        assertThat(commentTexts(key)).containsExactly("Fire brigade called.");
        assertThat(logged).contains("created " + key);
    }

    @Test
    void readmeYamlRouteStreamsTheOpenBugs() throws Exception {
        String openA = sandbox.admin().createIssue("DEMO", "Bug", "Open bug A");
        String openB = sandbox.admin().createIssue("DEMO", "Bug", "Open bug B");
        String done = sandbox.admin().createIssue("DEMO", "Bug", "Fixed bug");
        sandbox.admin().transition(done, "Done");
        String task = sandbox.admin().createIssue("DEMO", "Task", "Not a bug");

        NotifyBuilder scanned = new NotifyBuilder(context).from("timer:scan*")
                .filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null) // the timer's exchange, not the split's parts
                .whenDone(1).create();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("readme.camel.yaml", readmeBlock("yaml")));
        assertThat(scanned.matches(30, TimeUnit.SECONDS)).as("the timer route ran once").isTrue();

        assertThat(logged).contains(openA + ": Open bug A", openB + ": Open bug B");
        assertThat(logged).noneMatch(l -> l.startsWith(done + ":") || l.startsWith(task + ":"));
    }

    // ---- YAML DSL route file -----------------------------------------------------------------------------------

    @Test
    void yamlRoutesCreateThenStreamSearchResultsPageByPage() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:compat/jira-yaml-routes.camel.yaml"));
        String label = "yaml" + System.nanoTime();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(template.requestBodyAndHeader("direct:yaml-create", "YAML issue " + i, "label", label, String.class));
        }
        assertThat(keys).allSatisfy(k -> assertThat(k).startsWith("DEMO-"));

        MockEndpoint found = MockEndpoint.resolve(context, "mock:found");
        found.expectedMessageCount(5);
        sandbox.admin().clearRequests();
        template.sendBodyAndHeader("direct:yaml-search", null, "label", label);
        found.assertIsSatisfied();

        assertThat(found.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("foundKey")).containsExactlyElementsOf(keys);
        assertThat(found.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("foundSummary"))
                .containsExactly("YAML issue 0", "YAML issue 1", "YAML issue 2", "YAML issue 3", "YAML issue 4");
        String searchPath = isCloud() ? "/rest/api/3/search/jql" : "/rest/api/2/search";
        assertThat(sandbox.admin().requests()).filteredOn(r -> r.path().equals(searchPath))
                .as("5 issues in pages of 2").hasSize(3);
    }

    /** The first fenced code block of a language in the project's README.md. */
    private static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(readme);
        if (!m.find()) {
            throw new AssertionError("README.md has no ```" + language + " block");
        }
        return m.group(1);
    }

    /** The project root: the nearest folder above the working directory that holds README.md and a pom.xml. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("component"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("cannot find the project root (README.md next to component/) above " + Path.of("").toAbsolutePath());
    }
}
