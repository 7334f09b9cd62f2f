package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests shaped like the ones node-zendesk 6.0.1 sends (Basic {@code email/token:TOKEN}, {@code Accept} and
 * {@code Content-Type: application/json} on every call, {@code page[size]=100} on the lists it pages by cursor, and
 * absolute {@code next_page} / {@code links.next} URLs followed as they are), pinning what the client reads.
 */
class ZendeskNodeClientTest {
    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV =
            new EmulatorServerExtension<>(ZendeskTestServer::new, server -> server.emulator.reset());

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> NODE_HEADERS = Map.of("Accept", "application/json",
            "Content-Type", "application/json", "User-Agent", "node-zendesk/6.0.1 (node/20.20.2)");

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    private static TestHttp.Reply call(String method, String pathOrUrl, String json) {
        return ENV.server().asAgent().send(method, pathOrUrl, json, NODE_HEADERS);
    }

    /** What node-zendesk's {@code requestAll} does: follow {@code links.next}, else {@code next_page}, until null. */
    private static List<JsonNode> pages(String first) {
        List<JsonNode> pages = new ArrayList<>();
        String next = first;
        while (next != null && pages.size() < 50) {
            TestHttp.Reply reply = call("GET", next, null);
            assertThat(reply.status()).as(next + ": " + reply.raw().body()).isEqualTo(200);
            pages.add(reply.json());
            JsonNode link = reply.json().at("/links/next");
            if (link.isMissingNode() || link.isNull()) {
                link = reply.json().path("next_page");
            }
            next = link.isTextual() ? link.asText() : null;
        }
        return pages;
    }

    private static List<Long> ids(List<JsonNode> pages, String name) {
        List<Long> ids = new ArrayList<>();
        pages.forEach(p -> p.get(name).forEach(item -> ids.add(item.get("id").asLong())));
        return ids;
    }

    @Test
    void pageLinksPointBackAtTheEmulatorInZendesksDotJsonFormAndEndWithNull() {
        for (int i = 0; i < 150; i++) {
            emulator().createTicket("T" + i, "body");
        }
        long ticket = emulator().tickets().get(0).id();
        for (int i = 0; i < 110; i++) {
            emulator().addComment(ticket, NewComment.publicComment("c" + i));
        }
        String base = ENV.server().baseUrl();

        List<JsonNode> tickets = pages("/api/v2/tickets.json?page%5Bsize%5D=100");
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).at("/links/next").asText())
                .startsWith(base + "/api/v2/tickets.json?").contains("page%5Bafter%5D=").contains("page%5Bsize%5D=100");
        assertThat(tickets.get(1).at("/links/prev").asText()).startsWith(base + "/api/v2/tickets.json?");
        assertThat(ids(tickets, "tickets")).hasSize(150).doesNotHaveDuplicates();

        List<JsonNode> comments = pages("/api/v2/tickets/" + ticket + "/comments.json");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("next_page").asText())
                .isEqualTo(base + "/api/v2/tickets/" + ticket + "/comments.json?page=2&per_page=100");
        assertThat(comments.get(1).get("previous_page").asText())
                .isEqualTo(base + "/api/v2/tickets/" + ticket + "/comments.json?page=1&per_page=100");
        assertThat(ids(comments, "comments")).hasSize(111).doesNotHaveDuplicates();

        List<JsonNode> search = pages("/api/v2/search.json?query=type%3Aticket+body");
        assertThat(search.get(0).get("next_page").asText())
                .startsWith(base + "/api/v2/search.json?query=type%3Aticket%20body&page=2");
        assertThat(ids(search, "results")).hasSize(150);
    }

    @Test
    void sideLoadedUsersLetTheClientResolveRequesterAssigneeAndAuthors() {
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        long customer = emulator().customer().id();
        JsonNode created = call("POST", "/api/v2/tickets.json", """
                {"ticket": {"subject": "VPN", "comment": {"body": "down"}, "requester_id": %d, "assignee_id": %d}}"""
                .formatted(customer, ann.id())).json().get("ticket");
        long id = created.get("id").asLong();
        emulator().addComment(id, NewComment.publicComment("still down").withAuthorId(customer));

        JsonNode show = call("GET", "/api/v2/tickets/" + id + ".json?include=users", null).json();
        assertThat(show.get("users")).extracting(u -> u.get("id").asLong())
                .containsExactlyInAnyOrder(customer, ann.id(), emulator().agent().id());
        JsonNode list = call("GET", "/api/v2/tickets.json?page%5Bsize%5D=100&include=users%2Cgroups", null).json();
        assertThat(list.get("users")).extracting(u -> u.get("email").asText()).contains("ann@example.com");
        assertThat(list.get("groups")).isEmpty();
        JsonNode comments = call("GET", "/api/v2/tickets/" + id + "/comments.json?include=users", null).json();
        assertThat(comments.get("users")).extracting(u -> u.get("id").asLong())
                .containsExactlyInAnyOrder(emulator().agent().id(), customer);
        JsonNode export = call("GET", "/api/v2/incremental/tickets.json?start_time=0&include=users,groups", null)
                .json();
        assertThat(export.get("users")).extracting(u -> u.get("id").asLong()).contains(customer, ann.id());
        assertThat(export.get("groups")).isEmpty();

        assertThat(call("GET", "/api/v2/tickets/" + id + ".json", null).json().has("users")).isFalse();
    }

    @Test
    void ticketTagsEndpointsAddSetAndRemoveTags() {
        long id = emulator().createTicket(TicketDraft.of("Tags", "x").withTags("jira")).id();
        String tags = "/api/v2/tickets/" + id + "/tags.json";

        TestHttp.Reply added = call("PUT", tags, "{\"tags\": [\"Urgent\", \"vip customer\"]}");  // tickets.addTags
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("tags")).extracting(JsonNode::asText)
                .containsExactly("jira", "urgent", "vip", "customer");
        TestHttp.Reply set = call("POST", tags, "{\"tags\": [\"synced\"]}");  // tickets.updateTags
        assertThat(set.status()).isEqualTo(201);
        assertThat(set.json().get("tags")).extracting(JsonNode::asText).containsExactly("synced");
        assertThat(call("PUT", tags, "{\"tags\": [\"a\", \"b\"]}").status()).isEqualTo(200);
        assertThat(call("DELETE", tags, "{\"tags\": [\"a\"]}").json().get("tags")).extracting(JsonNode::asText)
                .containsExactly("synced", "b");
        assertThat(call("GET", tags, null).json().get("tags")).extracting(JsonNode::asText)
                .containsExactly("synced", "b");
        assertThat(emulator().ticket(id).orElseThrow().tags()).containsExactly("synced", "b");

        TestHttp.Reply stale = call("PUT", tags,
                "{\"tags\": [\"late\"], \"safe_update\": \"true\", \"updated_stamp\": \"2001-01-01T00:00:00Z\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(call("GET", "/api/v2/tickets/999999/tags.json", null).status()).isEqualTo(404);
    }

    @Test
    void bulkCreateUpdateAndDestroyAnswerAJobStatusThatCompletes() {
        TestHttp.Reply created = call("POST", "/api/v2/tickets/create_many.json", """
                {"tickets": [{"subject": "A", "comment": {"body": "a"}}, {"subject": "no comment"},
                             {"subject": "B", "comment": {"body": "b"}, "priority": "high"}]}""");
        assertThat(created.status()).isEqualTo(200);
        JsonNode queued = created.json().get("job_status");
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("url").asText())
                .isEqualTo(ENV.server().baseUrl() + "/api/v2/job_statuses/" + queued.get("id").asText() + ".json");
        JsonNode done = call("GET", queued.get("url").asText(), null).json().get("job_status");  // jobstatuses.show
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("total").asInt()).isEqualTo(3);
        assertThat(done.get("message").asText()).startsWith("Completed at ").endsWith(" +0000");
        assertThat(done.at("/results/1/error").asText()).isEqualTo("TicketCreateFailed");
        assertThat(done.at("/results/1/details").asText()).contains("cannot be blank");
        long a = done.at("/results/0/id").asLong();
        long b = done.at("/results/2/id").asLong();
        assertThat(emulator().tickets()).extracting(ZendeskTicket::subject).containsExactly("A", "B");

        JsonNode update = call("PUT", "/api/v2/tickets/update_many.json?ids=" + a + "%2C" + b + "%2C999999",
                "{\"ticket\": {\"status\": \"solved\", \"additional_tags\": [\"bulk\"]}}").json().get("job_status");
        JsonNode updated = call("GET", "/api/v2/job_statuses/" + update.get("id").asText() + ".json", null).json()
                .get("job_status");
        assertThat(updated.get("results")).extracting(r -> r.get("success").asBoolean()).containsExactly(true, true,
                false);
        assertThat(updated.at("/results/0/status").asText()).isEqualTo("Updated");
        assertThat(updated.at("/results/2/error").asText()).isEqualTo("RecordNotFound");
        assertThat(emulator().tickets()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(ZendeskStatus.SOLVED);
            assertThat(t.tags()).contains("bulk");
        });

        call("PUT", "/api/v2/tickets/update_many.json", "{\"tickets\": [{\"id\": " + a + ", \"priority\": \"low\"}]}");
        assertThat(emulator().ticket(a).orElseThrow().priority()).isEqualTo(ZendeskPriority.LOW);

        JsonNode destroy = call("DELETE", "/api/v2/tickets/destroy_many.json?ids=" + b, null).json()
                .get("job_status");
        JsonNode destroyed = call("GET", "/api/v2/job_statuses/show_many.json?ids=" + destroy.get("id").asText(),
                null).json().at("/job_statuses/0");
        assertThat(destroyed.at("/results/0/status").asText()).isEqualTo("Deleted");
        assertThat(emulator().tickets()).extracting(ZendeskTicket::id).containsExactly(a);
        assertThat(call("GET", "/api/v2/job_statuses.json", null).json().get("job_statuses")).hasSize(4);
        assertThat(call("GET", "/api/v2/job_statuses/0123abcd.json", null).status()).isEqualTo(404);
    }

    @Test
    void searchCountAndSearchExportRunTheSameSearch() {
        for (int i = 0; i < 120; i++) {
            emulator().createTicket(TicketDraft.of("Open " + i, "x").withTags(i % 2 == 0 ? "even" : "odd"));
        }
        TestHttp.Reply count = call("GET", "/api/v2/search/count.json?query=type%3Aticket%20tags%3Aeven", null);
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.json().get("count").asInt()).isEqualTo(60);

        List<JsonNode> export = pages(
                "/api/v2/search/export.json?query=tags%3Aodd&filter%5Btype%5D=ticket&page%5Bsize%5D=50");
        assertThat(export).hasSize(2);
        assertThat(export.get(0).at("/meta/has_more").asBoolean()).isTrue();
        assertThat(export.get(0).at("/links/next").asText()).startsWith(ENV.server().baseUrl()
                + "/api/v2/search/export.json?").contains("filter%5Btype%5D=ticket").contains("query=tags%3Aodd");
        assertThat(ids(export, "results")).hasSize(60).doesNotHaveDuplicates();
        assertThat(export.get(0).at("/results/0/result_type").asText()).isEqualTo("ticket");

        assertThat(call("GET", "/api/v2/search/export.json?query=tags%3Aodd", null).status()).isEqualTo(400);
    }

    @Test
    void aUsersRequestedAndAssignedTicketsAreListed() {
        long customer = emulator().customer().id();
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        long mine = emulator().createTicket(TicketDraft.of("Mine", "x").withRequesterId(customer)).id();
        long assigned = emulator().createTicket(TicketDraft.of("Assigned", "x").withAssigneeId(ann.id())).id();

        assertThat(ids(pages("/api/v2/users/" + customer + "/tickets/requested.json?page%5Bsize%5D=100"), "tickets"))
                .containsExactly(mine);
        assertThat(ids(pages("/api/v2/users/" + ann.id() + "/tickets/assigned.json"), "tickets"))
                .containsExactly(assigned);
        assertThat(ids(pages("/api/v2/users/" + customer + "/tickets/ccd.json"), "tickets")).isEmpty();
        assertThat(call("GET", "/api/v2/users/424242/tickets/requested.json", null).status()).isEqualTo(404);
    }

    /** attachments.upload(stream, {filename}) posts the bytes with {@code Content-Type: application/binary}. */
    private static JsonNode upload(String fileName, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ENV.server().baseUrl()
                        + "/api/v2/uploads.json?filename=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                .header("Authorization", TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token",
                        ZendeskEmulator.AGENT_API_TOKEN))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.MAPPER.readTree(response.body()).at("/upload/attachment");
    }

    @Test
    void aGenericUploadTypeGivesWayToTheTypeOfTheFileName() throws Exception {
        assertThat(upload("report.pdf", "application/binary").get("content_type").asText())
                .isEqualTo("application/pdf");
        assertThat(upload("crash.log", "application/binary").get("content_type").asText()).isEqualTo("text/plain");
        assertThat(upload("notes.txt", "application/octet-stream").get("content_type").asText())
                .isEqualTo("text/plain");
        assertThat(upload("blob.xyz", "application/binary").get("content_type").asText())
                .isEqualTo("application/binary");
        assertThat(upload("photo.jpg", "image/png").get("content_type").asText()).isEqualTo("image/png");

        JsonNode pdf = upload("scan.pdf", "application/binary");
        HttpResponse<String> content = CLIENT.send(HttpRequest.newBuilder(
                        URI.create(pdf.get("content_url").asText()))
                .header("Authorization", TestHttp.basic(ZendeskEmulator.AGENT_EMAIL + "/token",
                        ZendeskEmulator.AGENT_API_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }
}
