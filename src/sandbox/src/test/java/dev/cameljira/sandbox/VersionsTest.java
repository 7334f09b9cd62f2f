package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Project versions: the version API (list, page, create, get, update, release, move, delete), {@code fixVersions} and
 * {@code versions} as issue fields (set by id or name, in the changelog, in create-meta, in webhook payloads), and
 * the {@code jira:version_*} webhook events, on Cloud and Data Center.
 */
class VersionsTest {

    abstract static class Contract extends SpecCheckedSandboxTest {

        protected Client admin;
        protected WebhookReceiver receiver;

        /** {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
        protected abstract String api();

        protected abstract Client adminClient();

        /** How a create body names the project: {@code "projectId":10000} or {@code "project":"DEMO"}. */
        protected abstract String projectRef();

        @BeforeAll
        void setUp() throws Exception {
            admin = adminClient();
            receiver = new WebhookReceiver();
            Client.Resp r = admin.post("/rest/webhooks/1.0/webhook", "{\"name\":\"versions\",\"url\":\"" + receiver.url("/hook")
                    + "\",\"events\":[\"jira:version_created\",\"jira:version_updated\",\"jira:version_released\","
                    + "\"jira:version_deleted\",\"jira:version_moved\",\"jira:issue_updated\"],\"excludeBody\":false}");
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }

        @AfterAll
        void stopReceiver() {
            receiver.close();
        }

        private JsonNode createVersion(String name, String extra) {
            Client.Resp r = admin.post(api() + "/version", "{\"name\":\"" + name + "\"," + projectRef() + extra + "}");
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r.json();
        }

        private JsonNode event(String name) throws Exception {
            return Client.MAPPER.readTree(receiver.nextEvent(name).body());
        }

        @Test
        void versionLifecycleWithWebhooks() throws Exception {
            receiver.clear();
            JsonNode alpha = createVersion("alpha", ",\"description\":\"first\",\"releaseDate\":\"2026-12-24\"");
            assertThat(alpha.get("name").asText()).isEqualTo("alpha");
            assertThat(alpha.get("released").asBoolean()).isFalse();
            assertThat(alpha.get("releaseDate").asText()).isEqualTo("2026-12-24");
            assertThat(alpha.get("projectId").asLong()).isEqualTo(admin.get(api() + "/project/DEMO").json().get("id").asLong());
            String id = alpha.get("id").asText();
            assertThat(alpha.get("self").asText()).isEqualTo(sandbox.baseUrl() + api() + "/version/" + id);
            JsonNode created = event("jira:version_created");
            assertThat(created.at("/version/id").asText()).isEqualTo(id);
            assertThat(created.at("/version/name").asText()).isEqualTo("alpha");
            assertThat(created.at("/version/self").asText()).contains("/rest/api/2/version/" + id);

            Client.Resp duplicate = admin.post(api() + "/version", "{\"name\":\"ALPHA\"," + projectRef() + "}");
            assertThat(duplicate.status()).isEqualTo(400);
            assertThat(duplicate.json().at("/errors/name").asText()).contains("already exists");
            Client.Resp nameless = admin.post(api() + "/version", "{" + projectRef() + "}");
            assertThat(nameless.status()).isEqualTo(400);
            assertThat(nameless.json().at("/errors/name").asText()).isNotBlank();

            assertThat(admin.get(api() + "/version/" + id).json().get("description").asText()).isEqualTo("first");
            assertThat(admin.get(api() + "/project/DEMO/versions").json()).extracting(v -> v.get("id").asText()).contains(id);
            assertThat(admin.get(api() + "/project/DEMO").json().get("versions")).extracting(v -> v.get("name").asText())
                    .contains("alpha");

            Client.Resp released = admin.put(api() + "/version/" + id, "{\"released\":true,\"releaseDate\":\"2026-12-01\"}");
            assertThat(released.status()).as(released.text()).isEqualTo(200);
            assertThat(released.json().get("released").asBoolean()).isTrue();
            assertThat(released.json().get("releaseDate").asText()).isEqualTo("2026-12-01");
            JsonNode releaseEvent = event("jira:version_released");
            assertThat(releaseEvent.at("/version/released").asBoolean()).isTrue();
            assertThat(releaseEvent.at("/version/releaseDate").asText()).isEqualTo("2026-12-01");
            // the new release date is an update too: wait for it, or it may arrive after clear() and pass for the rename's
            assertThat(event("jira:version_updated").at("/version/name").asText()).isEqualTo("alpha");

            receiver.clear();
            admin.put(api() + "/version/" + id, "{\"description\":\"renamed\",\"name\":\"alpha-1\"}");
            assertThat(event("jira:version_updated").at("/version/name").asText()).isEqualTo("alpha-1");

            Client.Resp gone = admin.get(api() + "/version/999999");
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().at("/errorMessages/0").asText()).contains("999999");
            assertThat(Client.user(sandbox).post(api() + "/version", "{\"name\":\"x\"," + projectRef() + "}").status())
                    .as("only administrators manage versions").isIn(401, 403);
            sandbox.admin().clearSpecViolations();
        }

        @Test
        void fixVersionsAndAffectedVersionsAreIssueFields() throws Exception {
            JsonNode one = createVersion("1.0", "");
            JsonNode two = createVersion("2.0", "");
            Client.Resp created = admin.post(api() + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                    + "\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"Versioned\",\"fixVersions\":[{\"name\":\"1.0\"}],"
                    + "\"versions\":[{\"id\":\"" + one.get("id").asText() + "\"}]}}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String key = created.json().get("key").asText();
            JsonNode fields = admin.get(api() + "/issue/" + key + "?fields=fixVersions,versions").json().get("fields");
            assertThat(fields.at("/fixVersions/0/id").asText()).isEqualTo(one.get("id").asText());
            assertThat(fields.at("/fixVersions/0/name").asText()).isEqualTo("1.0");
            assertThat(fields.at("/fixVersions/0/released").asBoolean()).isFalse();
            assertThat(fields.at("/versions/0/name").asText()).isEqualTo("1.0");

            receiver.clear();
            Client.Resp edit = admin.put(api() + "/issue/" + key, "{\"update\":{\"fixVersions\":[{\"add\":{\"id\":\""
                    + two.get("id").asText() + "\"}},{\"remove\":{\"name\":\"1.0\"}}]}}");
            assertThat(edit.status()).as(edit.text()).isEqualTo(204);
            JsonNode fixVersions = admin.get(api() + "/issue/" + key + "?fields=fixVersions").json().at("/fields/fixVersions");
            assertThat(fixVersions).as(fixVersions.toString()).extracting(v -> v.path("name").asText()).containsExactly("2.0");
            JsonNode hook = event("jira:issue_updated");
            assertThat(hook.at("/issue/fields/fixVersions/0/name").asText()).isEqualTo("2.0");
            assertThat(hook.at("/changelog/items")).anySatisfy(item -> {
                assertThat(item.path("field").asText()).isEqualTo("Fix Version");
                assertThat(item.path("toString").asText()).isEqualTo("2.0");
            });
            // expand=changelog: Data Center has no GET /issue/{key}/changelog
            JsonNode histories = admin.get(api() + "/issue/" + key + "?expand=changelog").json().at("/changelog/histories");
            assertThat(histories.toString()).contains("\"fromString\":\"1.0\"").contains("\"toString\":\"2.0\"");

            Client.Resp bad = admin.put(api() + "/issue/" + key, "{\"fields\":{\"fixVersions\":[{\"name\":\"9.9\"}]}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().at("/errors/fixVersions").asText()).isEqualTo("Version name '9.9' is not valid");

            JsonNode meta = admin.get(api() + "/issue/createmeta/DEMO/issuetypes/10002").json();
            String values = meta.toString();
            assertThat(values).contains("\"fieldId\":\"fixVersions\"").contains("\"name\":\"2.0\"");

            // DELETE /version/{id} is Cloud's (deprecated); the Data Center document has removeAndSwap only
            Client.Resp deleted = api().endsWith("/3") ? admin.delete(api() + "/version/" + two.get("id").asText())
                    : admin.post(api() + "/version/" + two.get("id").asText() + "/removeAndSwap", "{}");
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(event("jira:version_deleted").at("/version/id").asText()).isEqualTo(two.get("id").asText());
            assertThat(admin.get(api() + "/issue/" + key + "?fields=fixVersions").json().at("/fields/fixVersions")).isEmpty();
            sandbox.admin().clearSpecViolations(); // DELETE /version/{id}: deprecated on Cloud
        }

        @Test
        void pagedVersionsAndMove() throws Exception {
            JsonNode b = createVersion("page-b", ",\"releaseDate\":\"2027-02-01\"");
            JsonNode a = createVersion("page-a", ",\"releaseDate\":\"2027-01-01\"");
            JsonNode page = admin.get(api() + "/project/DEMO/version?orderBy=name").json();
            List<String> names = new ArrayList<>();
            page.get("values").forEach(v -> names.add(v.get("name").asText()));
            assertThat(names).containsSubsequence("page-a", "page-b").isSorted();
            assertThat(page.get("isLast").asBoolean()).isTrue();
            int total = page.get("total").asInt();
            JsonNode first = admin.get(api() + "/project/DEMO/version?orderBy=-releaseDate&maxResults=1").json();
            assertThat(first.get("total").asInt()).isEqualTo(total);
            assertThat(first.at("/values/0/name").asText()).isEqualTo("page-b");
            assertThat(first.get("isLast").asBoolean()).isEqualTo(total == 1);
            assertThat(first.get("nextPage").asText()).contains("startAt=1");

            receiver.clear();
            Client.Resp moved = admin.post(api() + "/version/" + a.get("id").asText() + "/move", "{\"position\":\"First\"}");
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(admin.get(api() + "/project/DEMO/versions").json().get(0).get("name").asText()).isEqualTo("page-a");
            assertThat(event("jira:version_moved").at("/version/name").asText()).isEqualTo("page-a");
            admin.post(api() + "/version/" + a.get("id").asText() + "/move", "{\"after\":\"" + b.get("self").asText() + "\"}");
            JsonNode order = admin.get(api() + "/project/DEMO/versions").json();
            int ia = -1;
            int ib = -1;
            for (int i = 0; i < order.size(); i++) {
                ia = order.get(i).get("name").asText().equals("page-a") ? i : ia;
                ib = order.get(i).get("name").asText().equals("page-b") ? i : ib;
            }
            assertThat(ia).isEqualTo(ib + 1);
        }
    }

    @Nested
    class Cloud extends Contract {
        @Override
        protected String api() {
            return "/rest/api/3";
        }

        @Override
        protected Client adminClient() {
            return Client.admin(sandbox);
        }

        @Override
        protected String projectRef() {
            return "\"projectId\":10000";
        }
    }

    @Nested
    class DataCenter extends Contract {
        @Override
        protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
            return builder.mode(JiraSandbox.Mode.SERVER);
        }

        @Override
        protected String api() {
            return "/rest/api/2";
        }

        @Override
        protected Client adminClient() {
            return Client.basic(sandbox, SandboxUsers.ADMIN_NAME, SandboxUsers.ADMIN_TOKEN);
        }

        @Override
        protected String projectRef() {
            return "\"project\":\"DEMO\"";
        }
    }
}
