package dev.cameljira.sandbox.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.emulator.EmulatorServerExtension;
import dev.cameljira.sandbox.emulator.MutableClock;
import dev.cameljira.sandbox.emulator.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Managing users as Zendesk's Users and User Identities APIs describe it: {@code PUT users/{id}} (suspension
 * included), the soft {@code DELETE}, {@code POST users/create_or_update} and {@code GET users/{id}/identities}, with
 * Zendesk's 422 and 403 answers, which change nothing.
 */
class ZendeskUserManagementTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

    @RegisterExtension
    static final EmulatorServerExtension<ZendeskTestServer> ENV = new EmulatorServerExtension<>(
            () -> new ZendeskTestServer(CLOCK), server -> server.emulator.reset());

    private static ZendeskEmulator emulator() {
        return ENV.server().emulator;
    }

    /** The seeded admin (the account owner). */
    private static TestHttp admin() {
        return ENV.server().asAgent();
    }

    /** Someone with an API token of their own. */
    private static TestHttp as(ZendeskUser user) {
        emulator().addApiToken(user.id(), "token-" + user.id());
        return new TestHttp(ENV.server().baseUrl(), TestHttp.basic(user.email() + "/token", "token-" + user.id()));
    }

    private static JsonNode user(long id) {
        TestHttp.Reply reply = admin().get("/api/v2/users/" + id + ".json");
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("user");
    }

    private static TestHttp.Reply put(TestHttp http, long id, String userJson) {
        return http.put("/api/v2/users/" + id + ".json", "{\"user\": " + userJson + "}");
    }

    @Test
    void anAdminUpdatesOnlyTheAttributesSentAndNullClearsThem() {
        ZendeskUser jane = emulator().createUser("Jane Roe", "jane@example.org", ZendeskRole.END_USER);
        String first = put(admin(), jane.id(), "{\"phone\": \"+15551234567\", \"notes\": \"VIP\"}").json()
                .at("/user/updated_at").asText();
        CLOCK.advance(Duration.ofMinutes(5));

        TestHttp.Reply reply = put(admin(), jane.id(), """
                {"name": "Jane Doe", "external_id": "crm-42", "tags": ["Gold", "north east"],
                 "user_fields": {"plan": "pro", "seats": 5}, "phone": null,
                 "id": 999, "url": "ignored", "created_at": "2000-01-01T00:00:00Z", "active": false}""");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode updated = reply.json().get("user");
        assertThat(updated.get("id").asLong()).isEqualTo(jane.id());
        assertThat(updated.get("name").asText()).isEqualTo("Jane Doe");
        assertThat(updated.get("external_id").asText()).isEqualTo("crm-42");
        assertThat(updated.get("tags")).extracting(JsonNode::asText).containsExactly("gold", "north", "east");
        assertThat(updated.at("/user_fields/plan").asText()).isEqualTo("pro");
        assertThat(updated.at("/user_fields/seats").asInt()).isEqualTo(5);
        assertThat(updated.get("phone").isNull()).as("phone: null clears it").isTrue();
        assertThat(updated.get("notes").asText()).as("not sent: unchanged").isEqualTo("VIP");
        assertThat(updated.get("active").asBoolean()).as("read-only, ignored").isTrue();
        assertThat(updated.get("updated_at").asText()).isEqualTo(ZendeskJson.time(CLOCK.instant()))
                .isNotEqualTo(first);
        assertThat(user(jane.id())).isEqualTo(updated);

        JsonNode merged = put(admin(), jane.id(), "{\"user_fields\": {\"seats\": 6}}").json().get("user");
        assertThat(merged.get("user_fields").toString()).isEqualTo("{\"plan\":\"pro\",\"seats\":6}");
        assertThat(admin().get("/api/v2/users/search.json?external_id=CRM-42").json().get("users"))
                .extracting(u -> u.get("id").asLong()).containsExactly(jane.id());
    }

    @Test
    void anEmailSentOnUpdateIsAddedAsASecondaryIdentityAndThePrimaryStays() {
        ZendeskUser jane = emulator().createUser("Jane", "jane@example.org", ZendeskRole.END_USER);

        JsonNode updated = put(admin(), jane.id(), "{\"email\": \"jane.roe@example.com\"}").json().get("user");

        assertThat(updated.get("email").asText()).isEqualTo("jane@example.org");
        JsonNode identities = admin().get("/api/v2/users/" + jane.id() + "/identities.json").json().get("identities");
        assertThat(identities).extracting(i -> i.get("value").asText() + " primary=" + i.get("primary").asBoolean())
                .containsExactly("jane@example.org primary=true", "jane.roe@example.com primary=false");
        assertThat(identities.get(1).get("type").asText()).isEqualTo("email");
        assertThat(identities.get(1).get("user_id").asLong()).isEqualTo(jane.id());
        assertThat(identities.get(1).get("url").asText()).isEqualTo(ENV.server().baseUrl() + "/api/v2/users/"
                + jane.id() + "/identities/" + identities.get(1).get("id").asLong() + ".json");

        long secondary = identities.get(1).get("id").asLong();
        assertThat(admin().get("/api/v2/users/" + jane.id() + "/identities/" + secondary + ".json").json()
                .at("/identity/value").asText()).isEqualTo("jane.roe@example.com");
        assertThat(admin().get("/api/v2/users/" + jane.id() + "/identities.json?type[]=phone_number").json()
                .get("identities")).isEmpty();
        assertThat(admin().get("/api/v2/users/search.json?query=jane.roe").json().get("users")).isEmpty();
        TestHttp.Reply taken = admin().post("/api/v2/users.json",
                "{\"user\": {\"name\": \"Other\", \"email\": \"JANE.ROE@example.com\"}}");
        assertThat(taken.status()).as("a secondary address is taken too").isEqualTo(422);
        assertThat(admin().get("/api/v2/users/" + jane.id() + "/identities/4242.json").status()).isEqualTo(404);
    }

    @Test
    void invalidValuesAre422NamingTheAttributeAndChangeNothing() {
        ZendeskUser jane = emulator().createUser("Jane", "jane@example.org", ZendeskRole.END_USER);
        emulator().createUser("Joe", "joe@example.org", ZendeskRole.END_USER);
        put(admin(), jane.id(), "{\"external_id\": \"crm-1\"}");
        JsonNode before = user(jane.id());
        CLOCK.advance(Duration.ofMinutes(1));

        assertInvalid(put(admin(), jane.id(), "{\"name\": \"  \", \"notes\": \"x\"}"), "name", "BlankValue");
        assertInvalid(put(admin(), jane.id(), "{\"name\": \"Renamed\", \"email\": \"JOE@example.org\"}"),
                "email", "DuplicateValue");
        assertInvalid(put(admin(), jane.id(), "{\"email\": \"not an address\"}"), "email", "InvalidValue");
        assertInvalid(put(admin(), jane.id(), "{\"role\": \"superuser\"}"), "role", "InvalidValue");
        assertInvalid(put(admin(), jane.id(), "{\"tags\": {\"a\": 1}}"), "tags", "InvalidValue");
        assertInvalid(put(admin(), jane.id(), "{\"user_fields\": [\"x\"]}"), "user_fields", "InvalidValue");
        assertInvalid(put(admin(), jane.id(), "{\"suspended\": \"yes\"}"), "suspended", "InvalidValue");
        assertInvalid(put(admin(), jane.id(), "{\"organization_id\": 77}"), "organization_id", "InvalidValue");
        long joe = emulator().users().stream().filter(u -> u.name().equals("Joe")).findFirst().orElseThrow().id();
        assertInvalid(put(admin(), joe, "{\"external_id\": \"CRM-1\"}"), "external_id", "DuplicateValue");

        assertThat(user(jane.id())).as("nothing changed").isEqualTo(before);
        assertThat(emulator().identities(jane.id())).hasSize(1);
        TestHttp.Reply malformed = admin().put("/api/v2/users/" + jane.id() + ".json", "{\"user\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(admin().put("/api/v2/users/424242.json", "{\"user\": {\"name\": \"x\"}}").json()
                .get("error").asText()).isEqualTo("RecordNotFound");
    }

    private static void assertInvalid(TestHttp.Reply reply, String attribute, String error) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).isEqualTo("RecordInvalid");
        assertThat(reply.json().get("description").asText()).isEqualTo("Record validation errors");
        assertThat(reply.json().at("/details/" + attribute + "/0/error").asText()).isEqualTo(error);
        assertThat(reply.json().at("/details/" + attribute + "/0/description").asText()).isNotBlank();
    }

    @Test
    void agentsUpdateEndUsersAndThemselvesButOnlyAdminsChangeRolesAndEndUsersNothing() {
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        ZendeskUser bob = emulator().createUser("Bob Agent", "bob@example.com", ZendeskRole.AGENT);
        ZendeskUser jane = emulator().createUser("Jane", "jane@example.org", ZendeskRole.END_USER);
        TestHttp annHttp = as(ann);

        assertThat(put(annHttp, jane.id(), "{\"notes\": \"called\"}").status()).isEqualTo(200);
        assertThat(put(annHttp, ann.id(), "{\"signature\": \"Ann\"}").status()).isEqualTo(200);
        assertForbidden(put(annHttp, bob.id(), "{\"notes\": \"x\"}"));
        assertForbidden(put(annHttp, jane.id(), "{\"role\": \"agent\"}"));
        assertForbidden(put(annHttp, ann.id(), "{\"role\": \"admin\"}"));
        assertForbidden(put(as(jane), jane.id(), "{\"name\": \"Me\"}"));
        assertThat(user(bob.id()).get("notes").asText()).isEmpty();
        assertThat(user(jane.id()).get("role").asText()).isEqualTo("end-user");

        JsonNode promoted = put(admin(), jane.id(), "{\"role\": \"agent\"}").json().get("user");
        assertThat(promoted.get("role").asText()).isEqualTo("agent");
        assertThat(promoted.get("role_type").asInt()).isZero();
        long owner = emulator().agent().id();
        assertForbidden(put(admin(), owner, "{\"role\": \"agent\"}"));
        assertForbidden(put(admin(), owner, "{\"suspended\": true}"));
        assertThat(user(owner).get("role").asText()).isEqualTo("admin");
    }

    private static void assertForbidden(TestHttp.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("Forbidden");
        assertThat(reply.json().get("description").asText()).startsWith("You do not have access to this page.");
    }

    @Test
    void aSuspendedUserCannotSignInUntilUnsuspended() {
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        TestHttp annHttp = as(ann);
        assertThat(annHttp.get("/api/v2/users/me.json").status()).isEqualTo(200);

        JsonNode suspended = put(admin(), ann.id(), "{\"suspended\": true}").json().get("user");

        assertThat(suspended.get("suspended").asBoolean()).isTrue();
        assertThat(annHttp.get("/api/v2/users/me.json").status()).isEqualTo(401);
        assertThat(admin().get("/api/v2/users.json").json().get("users")).extracting(u -> u.get("id").asLong())
                .as("suspended users are still listed").contains(ann.id());
        assertThat(put(admin(), ann.id(), "{\"suspended\": false}").json().at("/user/suspended").asBoolean())
                .isFalse();
        assertThat(annHttp.get("/api/v2/users/me.json").status()).isEqualTo(200);
    }

    @Test
    void deleteIsASoftDeleteAsInZendesk() {
        ZendeskUser jane = emulator().createUser("Jane", "jane@example.org", ZendeskRole.AGENT);
        TestHttp janeHttp = as(jane);
        put(admin(), jane.id(), "{\"phone\": \"+15550100\", \"external_id\": \"crm-9\"}");

        TestHttp.Reply deleted = admin().delete("/api/v2/users/" + jane.id() + ".json");

        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(200);
        assertThat(deleted.json().at("/user/id").asLong()).isEqualTo(jane.id());
        assertThat(deleted.json().at("/user/active").asBoolean()).isFalse();
        assertThat(deleted.json().at("/user/email").isNull()).isTrue();
        assertThat(deleted.json().at("/user/phone").isNull()).isTrue();
        assertThat(user(jane.id()).get("active").asBoolean()).as("still shown by id").isFalse();
        assertThat(admin().get("/api/v2/users.json").json().get("users")).extracting(u -> u.get("id").asLong())
                .doesNotContain(jane.id());
        assertThat(admin().get("/api/v2/users/search.json?query=jane").json().get("users")).isEmpty();
        assertThat(admin().get("/api/v2/users/" + jane.id() + "/identities.json").json().get("identities")).isEmpty();
        assertThat(janeHttp.get("/api/v2/users/me.json").status()).isEqualTo(401);
        assertThat(admin().delete("/api/v2/users/" + jane.id() + ".json").status()).isEqualTo(404);
        assertThat(put(admin(), jane.id(), "{\"name\": \"Back\"}").status()).isEqualTo(404);
        TestHttp.Reply ticket = admin().post("/api/v2/tickets.json",
                "{\"ticket\": {\"comment\": {\"body\": \"x\"}, \"assignee_id\": " + jane.id() + "}}");
        assertThat(ticket.status()).as("a deleted agent cannot be assigned").isEqualTo(422);

        TestHttp.Reply reused = admin().post("/api/v2/users.json",
                "{\"user\": {\"name\": \"Jane again\", \"email\": \"jane@example.org\", \"external_id\": \"crm-9\"}}");
        assertThat(reused.status()).as("the address and external id are free again").isEqualTo(201);
    }

    @Test
    void onlyAdminsDeleteAndNobodyDeletesTheAccountOwner() {
        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        long customer = emulator().customer().id();

        assertForbidden(as(ann).delete("/api/v2/users/" + customer + ".json"));
        assertForbidden(admin().delete("/api/v2/users/" + emulator().agent().id() + ".json"));
        assertThat(admin().delete("/api/v2/users/424242.json").status()).isEqualTo(404);
        assertThat(user(customer).get("active").asBoolean()).isTrue();
        assertThat(emulator().agent().active()).isTrue();
    }

    @Test
    void createOrUpdateFindsTheUserByExternalIdOrEmail() {
        TestHttp.Reply created = admin().post("/api/v2/users/create_or_update.json", """
                {"user": {"name": "Roger Wilco", "email": "roger@example.org", "external_id": "ABC-1",
                 "role": "end-user", "tags": ["new"]}}""");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.json().at("/user/id").asLong();
        assertThat(created.header("Location")).isEqualTo(ENV.server().baseUrl() + "/api/v2/users/" + id + ".json");

        TestHttp.Reply byEmail = admin().post("/api/v2/users/create_or_update.json",
                "{\"user\": {\"name\": \"Roger Wilco II\", \"email\": \"ROGER@example.org\"}}");
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.header("Location")).endsWith("/api/v2/users/" + id + ".json");
        assertThat(byEmail.json().at("/user/name").asText()).isEqualTo("Roger Wilco II");
        assertThat(byEmail.json().at("/user/tags/0").asText()).isEqualTo("new");

        TestHttp.Reply byExternalId = admin().post("/api/v2/users/create_or_update.json",
                "{\"user\": {\"name\": \"Roger\", \"external_id\": \"abc-1\"}}");
        assertThat(byExternalId.status()).isEqualTo(200);
        assertThat(byExternalId.json().at("/user/id").asLong()).isEqualTo(id);
        assertThat(byExternalId.json().at("/user/external_id").asText()).as("takes the case sent").isEqualTo("abc-1");
        assertThat(emulator().users()).filteredOn(u -> u.name().startsWith("Roger")).hasSize(1);

        ZendeskUser ann = emulator().createUser("Ann Agent", "ann@example.com", ZendeskRole.AGENT);
        assertForbidden(as(ann).post("/api/v2/users/create_or_update.json",
                "{\"user\": {\"name\": \"X\", \"email\": \"x@example.org\"}}"));
        assertThat(admin().post("/api/v2/users/create_or_update.json", "{\"user\": {\"email\": \"y@example.org\"}}")
                .json().at("/details/name/0/error").asText()).isEqualTo("BlankValue");
    }

    @Test
    void identitiesAreForAgentsAndPageLikeOtherLists() {
        ZendeskUser jane = emulator().createUser("Jane", "jane@example.org", ZendeskRole.END_USER);
        for (int i = 0; i < 3; i++) {
            put(admin(), jane.id(), "{\"email\": \"jane" + i + "@example.org\"}");
        }

        JsonNode offset = admin().get("/api/v2/users/" + jane.id() + "/identities.json?per_page=2").json();
        assertThat(offset.get("identities")).hasSize(2);
        assertThat(offset.get("count").asInt()).isEqualTo(4);
        assertThat(offset.get("next_page").asText()).contains("/identities.json?page=2&per_page=2");
        JsonNode cursor = admin().get("/api/v2/users/" + jane.id() + "/identities.json?page[size]=3").json();
        assertThat(cursor.at("/meta/has_more").asBoolean()).isTrue();
        JsonNode rest = admin().get(cursor.at("/links/next").asText()).json();
        assertThat(rest.get("identities")).extracting(i -> i.get("value").asText())
                .containsExactly("jane2@example.org");

        JsonNode withIdentities = admin().get("/api/v2/users/" + jane.id() + ".json?include=identities").json();
        assertThat(withIdentities.get("identities")).hasSize(4);
        assertForbidden(as(jane).get("/api/v2/users/" + jane.id() + "/identities.json"));
        assertThat(admin().get("/api/v2/users/424242/identities.json").status()).isEqualTo(404);
        assertThat(List.of(emulator().identities(jane.id()).get(0).primary())).containsExactly(true);
    }
}
