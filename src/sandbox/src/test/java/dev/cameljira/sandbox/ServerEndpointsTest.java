package dev.cameljira.sandbox;

/** {@link EndpointsContract} on Jira Data Center. */
class ServerEndpointsTest extends EndpointsContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
