package dev.cameljira.examples.producer;

import org.apache.camel.main.Main;

/**
 * Starts Camel Main with {@link IssueRoutes}. Everything else comes from application.properties (Jira's URL and
 * credentials on the jira component, what the demo files), each key overridable by an environment variable
 * ({@code JIRA_URL}, {@code JIRA_API_TOKEN}, ...) or a system property.
 */
public final class JavaProducerApplication {

    private JavaProducerApplication() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }

    /** The application, not started: what {@link #main} runs, and what the tests start. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new IssueRoutes());
        return main;
    }
}
