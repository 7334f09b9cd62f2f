package dev.cameljira.sandbox;

/** Entity properties on issue create, Server mode. */
class ServerCreateWithPropertiesTest extends CreateWithPropertiesContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.SERVER;
    }
}
