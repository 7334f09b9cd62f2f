package dev.cameljira.examples.quarkus;

import java.time.Duration;
import java.util.Map;

import dev.cameljira.sandbox.JiraSandbox;
import dev.cameljira.sandbox.spec.Oracles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an offline Jira Cloud (the project's sandbox, on 127.0.0.1 and a free port) before the application and points
 * the application's {@code jira.url} at it; the seeded admin credentials are the application's defaults. Every Jira
 * REST exchange is checked against Atlassian's OpenAPI document when the shared oracles are present. The sandbox is
 * injected into test fields annotated {@link InjectJiraSandbox}.
 */
public class JiraSandboxResource implements QuarkusTestResourceLifecycleManager {

    private JiraSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = JiraSandbox.builder()
                .mode(JiraSandbox.Mode.CLOUD)
                .port(0)
                .validateAgainstSpec(Oracles.find(Oracles.CLOUD_SPEC).isPresent())
                .webhookRetryDelay(Duration.ofMillis(50))
                .build();
        return Map.of("jira.url", sandbox.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectJiraSandbox.class, JiraSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
