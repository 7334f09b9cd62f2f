package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cameljira.sandbox.servicenow.ServiceNowEmulator;
import dev.cameljira.sandbox.zendesk.ZendeskEmulator;
import org.junit.jupiter.api.Test;

/** Zendesk and ServiceNow share the sandbox's port; faults apply to them too. */
class MountsTest {

    @Test
    void zendeskAndServiceNowAreServedNextToJira() {
        try (JiraSandbox sandbox = JiraSandbox.start(JiraSandbox.Mode.CLOUD)) {
            assertThat(sandbox.zendesk()).isNotNull();
            assertThat(sandbox.serviceNow()).isNotNull();
            Client zendesk = Client.basic(sandbox, ZendeskEmulator.AGENT_EMAIL + "/token", ZendeskEmulator.AGENT_API_TOKEN);
            Client.Resp me = zendesk.get("/api/v2/users/me.json");
            assertThat(me.status()).as(me.text()).isEqualTo(200);
            assertThat(me.json().at("/user/email").asText()).isEqualTo(ZendeskEmulator.AGENT_EMAIL);

            Client serviceNow = Client.basic(sandbox, ServiceNowEmulator.ADMIN_USER, ServiceNowEmulator.ADMIN_PASSWORD);
            assertThat(serviceNow.get("/api/now/table/incident?sysparm_limit=1").status()).isEqualTo(200);
            Client.Resp root = serviceNow.get("/api/now");
            assertThat(root.status()).as("the ServiceNow API root without a slash").isEqualTo(400);
            assertThat(root.json().at("/error/message").asText())
                    .isEqualTo("Requested URI does not represent any resource");

            sandbox.admin().faults().failNext("GET", "/api/v2/", 503, 1);
            assertThat(zendesk.get("/api/v2/users/me.json").status()).isEqualTo(503);
            assertThat(zendesk.get("/api/v2/users/me.json").status()).isEqualTo(200);
            assertThat(Client.admin(sandbox).get("/rest/api/3/myself").status()).isEqualTo(200);
        }
    }
}
