package dev.cameljira.sandbox;

/** {@link ClientLibrariesContract} on Jira Data Center. */
class ClientLibrariesServerTest extends ClientLibrariesContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
