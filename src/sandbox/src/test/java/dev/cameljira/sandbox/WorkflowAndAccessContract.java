package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The second round of look-ups third-party clients call (found by the client sweeps), in one deployment mode, every
 * exchange validated against that mode's spec: who watches what, users by structured query and e-mail, bulk
 * permission checks (Cloud), and the workflow and screens, read-only.
 */
abstract class WorkflowAndAccessContract extends FlavourContract {

    /** The flavour's workflow list: DC {@code GET workflow}, Cloud {@code GET workflow/search} (values). */
    protected abstract JsonNode workflows(Client client);

    @Test
    void theOneWorkflowIsTheSandboxsAndAdministratorsOnly() {
        JsonNode workflows = workflows(admin);
        assertThat(workflows).hasSize(1);
        JsonNode workflow = workflows.get(0);
        String name = cloud() ? workflow.at("/id/name").asText() : workflow.get("name").asText();
        assertThat(name).isEqualTo("Sandbox Workflow");
        assertThat(workflow.get("description").asText()).contains("To Do", "In Progress", "Done");
        Client.Resp refused = user.get(api() + (cloud() ? "/workflow/search" : "/workflow"));
        assertThat(refused.status()).as("DC answers 401 as its document says, Cloud 403").isEqualTo(cloud() ? 403 : 401);
        assertThat(refused.json().get("errorMessages")).isNotEmpty();
        assertThat(anonymous.get(api() + (cloud() ? "/workflow/search" : "/workflow")).status()).isEqualTo(401);
        if (cloud()) {
            SpecCheck.expectRequestViolations(sandbox, "jira.operation.deprecated");
        }
    }
}
