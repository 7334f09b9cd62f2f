package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Paths whose literal segment sits where an issue key or id could be ({@code issue/picker}, {@code issue/createmeta},
 * {@code priority/page}, {@code issue/archive}...): real endpoints, or Jira's answer, never an issue look-up.
 */
class LiteralRoutesTest {

    private static final String ISSUE_NOT_FOUND = "Issue does not exist";

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Nested
    class Cloud extends SpecCheckedSandboxTest {

        private Client admin;
        private String printer;

        @BeforeAll
        void issues() {
            admin = Client.admin(sandbox);
            printer = admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                    + "\"summary\":\"Printer <on> fire\"}}").json().get("key").asText();
            admin.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Bug\"},"
                    + "\"summary\":\"Coffee machine\"}}");
        }

        @Test
        void deprecatedCreateMetaListsProjectsIssueTypesAndFields() {
            Client.Resp r = admin.get("/rest/api/3/issue/createmeta?projectKeys=DEMO&issuetypeIds=10001"
                    + "&expand=projects.issuetypes.fields");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode project = r.json().at("/projects/0");
            assertThat(r.json().get("projects")).hasSize(1);
            assertThat(project.get("key").asText()).isEqualTo("DEMO");
            assertThat(project.get("issuetypes")).hasSize(1);
            JsonNode task = project.at("/issuetypes/0");
            assertThat(task.get("name").asText()).isEqualTo("Task");
            assertThat(task.at("/fields/summary/required").asBoolean()).isTrue();
            assertThat(task.at("/fields/priority/allowedValues")).isNotEmpty();

            JsonNode withoutExpand = admin.get("/rest/api/2/issue/createmeta?projectKeys=demo&issuetypeNames=Bug,Task").json();
            assertThat(withoutExpand.at("/projects/0/issuetypes")).extracting(t -> t.get("name").asText())
                    .containsExactly("Task", "Bug");
            assertThat(withoutExpand.at("/projects/0/issuetypes/0").has("fields")).isFalse();

            assertThat(admin.get("/rest/api/3/issue/createmeta?projectKeys=NOPE").json().get("projects")).isEmpty();
            SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
        }

        @Test
        void issuePickerSuggestsMatchingIssuesInHistoryAndCurrentSearch() {
            Client.Resp r = admin.get("/rest/api/3/issue/picker?query=printer&currentJQL=" + enc("project = DEMO"));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode sections = r.json().get("sections");
            assertThat(sections).extracting(s -> s.get("id").asText()).containsExactly("hs", "cs");
            for (JsonNode section : sections) {
                assertThat(section.get("issues")).hasSize(1);
                JsonNode issue = section.at("/issues/0");
                assertThat(issue.get("key").asText()).isEqualTo(printer);
                assertThat(issue.get("summaryText").asText()).isEqualTo("Printer <on> fire");
                assertThat(issue.get("summary").asText()).isEqualTo("<b>Printer</b> &lt;on&gt; fire");
            }
            JsonNode none = admin.get("/rest/api/3/issue/picker?query=printer&currentIssueKey=" + printer).json();
            assertThat(none.at("/sections/0/issues")).isEmpty();
            assertThat(none.at("/sections/0/msg").asText()).isNotBlank();
        }

        @Test
        void unemulatedIssueOperationsAnswerTheGeneric404NotAnIssueLookUp() {
            Client.Resp archive = admin.put("/rest/api/3/issue/archive", "{\"issueIdsOrKeys\":[\"" + printer + "\"]}");
            Client.Resp report = admin.get("/rest/api/3/issue/limit/report");
            Client.Resp property = admin.put("/rest/api/3/issue/properties/colour", "{\"value\":\"red\"}");
            for (Client.Resp r : new Client.Resp[] {archive, report, property}) {
                assertThat(r.status()).as(r.text()).isEqualTo(404);
                assertThat(r.text()).contains("null for uri").doesNotContain(ISSUE_NOT_FOUND);
            }
            // and the literal does not hide the issue routes next to it
            assertThat(admin.get("/rest/api/3/issue/" + printer + "/properties").status()).isEqualTo(200);
            sandbox.admin().clearSpecViolations(); // request bodies of the unemulated operations are not the point here
        }
    }

    @Nested
    class DataCenter extends SpecCheckedSandboxTest {

        private Client admin;

        @Override
        protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
            return builder.mode(JiraSandbox.Mode.SERVER);
        }

        @BeforeAll
        void clients() {
            admin = Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
        }

        @Test
        void priorityPageIsAPageOfPrioritiesNotAPriorityCalledPage() {
            Client.Resp all = admin.get("/rest/api/2/priority/page");
            assertThat(all.status()).as(all.text()).isEqualTo(200);
            int count = admin.get("/rest/api/2/priority").json().size();
            assertThat(all.json().get("total").asInt()).isEqualTo(count);
            assertThat(all.json().get("isLast").asBoolean()).isTrue();
            assertThat(all.json().get("values")).hasSize(count);

            JsonNode page = admin.get("/rest/api/2/priority/page?startAt=1&maxResults=2").json();
            assertThat(page.get("values")).hasSize(2);
            assertThat(page.at("/values/0/id").asText()).isEqualTo(all.json().at("/values/1/id").asText());
            assertThat(page.get("isLast").asBoolean()).isEqualTo(count <= 3);

            JsonNode high = admin.get("/rest/api/2/priority/page?query=hig").json();
            assertThat(high.get("values")).extracting(p -> p.get("name").asText()).contains("High", "Highest");
        }

        @Test
        void removedCreateMetaAnswersLikeJira9AndThePagedOneWorks() {
            Client.Resp removed = admin.get("/rest/api/2/issue/createmeta?projectKeys=DEMO&expand=projects.issuetypes.fields");
            assertThat(removed.status()).isEqualTo(404);
            assertThat(removed.json().at("/errorMessages/0").asText()).isEqualTo("Issue Does Not Exist");
            // the DC spec, like DC itself, reads the path as GET /issue/{issueIdOrKey} (which takes no projectKeys)
            SpecCheck.expectRequestViolations(sandbox, "/api/2/issue/{issueIdOrKey}");
            assertThat(admin.get("/rest/api/2/issue/createmeta/DEMO/issuetypes").status()).isEqualTo(200);
        }

        @Test
        void issuePickerAndArchive() {
            String key = admin.post("/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                    + "\"summary\":\"Data centre picker\"}}").json().get("key").asText();
            JsonNode picked = admin.get("/rest/api/2/issue/picker?query=" + key).json();
            assertThat(picked.at("/sections/0/issues/0/key").asText()).isEqualTo(key);
            assertThat(picked.at("/sections/0/issues/0/keyHtml").asText()).isEqualTo("<b>" + key + "</b>");

            Client.Resp archive = admin.post("/rest/api/2/issue/archive", "\"" + key + "\"");
            assertThat(archive.status()).isEqualTo(404);
            assertThat(archive.text()).contains("null for uri").doesNotContain(ISSUE_NOT_FOUND);
            sandbox.admin().clearSpecViolations();
        }
    }
}
