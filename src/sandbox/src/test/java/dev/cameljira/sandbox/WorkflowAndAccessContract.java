package dev.cameljira.sandbox;

import org.junit.jupiter.api.BeforeAll;

/**
 * The second round of look-ups third-party clients call (found by the client sweeps), in one deployment mode, every
 * exchange validated against that mode's spec: who watches what, users by structured query and e-mail, bulk
 * permission checks (Cloud), and the workflow and screens, read-only.
 */
abstract class WorkflowAndAccessContract extends SpecCheckedSandboxTest {

    protected Client admin;
    protected Client user;
    protected Client anonymous;

    protected abstract JiraSandbox.Mode mode();

    @Override
    protected JiraSandbox.Builder configure(JiraSandbox.Builder builder) {
        return builder.mode(mode());
    }

    @BeforeAll
    void clients() {
        admin = Client.admin(sandbox);
        user = Client.user(sandbox);
        anonymous = Client.anonymous(sandbox);
    }

    protected String api() {
        return "/rest/api/" + (cloud() ? 3 : 2);
    }

    protected boolean cloud() {
        return mode() == JiraSandbox.Mode.CLOUD;
    }
}
