package dev.cameljira.sandbox;

/** {@link ClientLibrariesContract} on Jira Cloud. */
class ClientLibrariesCloudTest extends ClientLibrariesContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
