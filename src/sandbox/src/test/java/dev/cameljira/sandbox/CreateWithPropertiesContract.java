package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Entity properties set in the same request as the issue ({@code POST /issue} and {@code /issue/bulk} with
 * {@code "properties": [{"key", "value"}]}): stored and readable like properties set later, and held to Jira's limits
 * (key 1-255 characters, value at most 32768 bytes of JSON), an invalid one failing the whole create.
 */
abstract class CreateWithPropertiesContract extends FlavourContract {

    private static String issue(String summary, String properties) {
        return "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":"
                + Client.json(summary) + "},\"properties\":" + properties + "}";
    }


    @Test
    void propertiesGivenOnCreateAreStored() {
        Client.Resp created = admin.post(api() + "/issue", issue("with properties",
                "[{\"key\":\"zendesk\",\"value\":{\"ticketId\":4711,\"tags\":[\"vip\"]}},{\"key\":\"sync.state\",\"value\":\"new\"}]"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().get("key").asText();

        JsonNode zendesk = admin.get(api() + "/issue/" + key + "/properties/zendesk").json();
        assertThat(zendesk.get("key").asText()).isEqualTo("zendesk");
        assertThat(zendesk.at("/value/ticketId").asInt()).isEqualTo(4711);
        assertThat(zendesk.at("/value/tags/0").asText()).isEqualTo("vip");
        assertThat(admin.get(api() + "/issue/" + key + "/properties/sync.state").json().get("value").asText()).isEqualTo("new");
        assertThat(admin.get(api() + "/issue/" + key + "/properties").json().findValuesAsText("key"))
                .containsExactly("zendesk", "sync.state");
    }

    @Test
    void bulkCreateStoresEachItemsProperties() {
        Client.Resp bulk = admin.post(api() + "/issue/bulk", "{\"issueUpdates\":[" + issue("bulk one",
                "[{\"key\":\"origin\",\"value\":{\"ticketId\":1}}]") + "," + issue("bulk two",
                "[{\"key\":\"origin\",\"value\":{\"ticketId\":2}}]") + "]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            String key = bulk.json().at("/issues/" + i + "/key").asText();
            assertThat(admin.get(api() + "/issue/" + key + "/properties/origin").json().at("/value/ticketId").asInt())
                    .isEqualTo(i + 1);
        }
    }

    @Test
    void keysAndValuesAtJirasLimitsAreAccepted() {
        String longest = "k".repeat(255);
        String largest = "\"" + "v".repeat(32766) + "\""; // 32768 bytes of JSON
        Client.Resp created = admin.post(api() + "/issue", issue("at the limits",
                "[{\"key\":\"" + longest + "\",\"value\":" + largest + "}]"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().get("key").asText();
        assertThat(admin.get(api() + "/issue/" + key + "/properties/" + longest).json().get("value").asText()).hasSize(32766);
    }

    @Test
    void aKeyOrValueOverTheLimitFailsTheCreateAndNothingIsCreated() {
        int before = sandbox.admin().issueCount();
        Client.Resp longKey = admin.post(api() + "/issue", issue("long key",
                "[{\"key\":\"" + "k".repeat(256) + "\",\"value\":1}]"));
        assertThat(longKey.status()).isEqualTo(400);
        assertThat(longKey.json().at("/errorMessages/0").asText()).contains("255");

        Client.Resp bigValue = admin.post(api() + "/issue", issue("big value",
                "[{\"key\":\"big\",\"value\":\"" + "v".repeat(32767) + "\"}]"));
        assertThat(bigValue.status()).isEqualTo(400);
        assertThat(bigValue.json().at("/errorMessages/0").asText()).contains("32768");

        Client.Resp noKey = admin.post(api() + "/issue", issue("no key", "[{\"value\":1}]"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(sandbox.admin().issueCount()).as("no issue was created").isEqualTo(before);
    }

    @Test
    void inABulkCreateOnlyTheItemWithABadPropertyFails() {
        Client.Resp bulk = admin.post(api() + "/issue/bulk", "{\"issueUpdates\":[" + issue("fine",
                "[{\"key\":\"ok\",\"value\":true}]") + "," + issue("too long", "[{\"key\":\"" + "k".repeat(300)
                + "\",\"value\":true}]") + "]}");
        assertThat(bulk.status()).as(bulk.text()).isEqualTo(201);
        assertThat(bulk.json().get("issues")).hasSize(1);
        assertThat(bulk.json().at("/errors/0/failedElementNumber").asInt()).isEqualTo(1);
        assertThat(bulk.json().at("/errors/0/elementErrors/errorMessages/0").asText()).contains("255");
    }
}
