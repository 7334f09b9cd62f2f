package dev.cameljira.sandbox;

/** Entity properties on issue create, Cloud mode. */
class CloudCreateWithPropertiesTest extends CreateWithPropertiesContract {

    @Override
    protected JiraSandbox.Mode mode() {
        return JiraSandbox.Mode.CLOUD;
    }
}
