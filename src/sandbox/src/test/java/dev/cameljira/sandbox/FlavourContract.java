package dev.cameljira.sandbox;

import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the contracts run once per deployment mode (a Cloud and a Data Center subclass), every exchange validated
 * against that mode's spec: the sandbox in {@link #mode()}, an administrator, a plain user and an anonymous client,
 * and the mode's REST API root.
 */
abstract class FlavourContract extends SpecCheckedSandboxTest {

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

    /** {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
    protected String api() {
        return "/rest/api/" + (cloud() ? 3 : 2);
    }

    protected boolean cloud() {
        return mode() == JiraSandbox.Mode.CLOUD;
    }
}
