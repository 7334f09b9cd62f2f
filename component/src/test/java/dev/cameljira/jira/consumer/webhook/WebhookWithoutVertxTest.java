package dev.cameljira.jira.consumer.webhook;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-platform-http-vertx (and so Vert.x) is an optional dependency of the component: without it on the class path
 * the component still loads and {@code jira:webhook} serves its path through a platform-http consumer of whatever
 * engine there is, with the same checks. Runs {@link NoVertxScenario} in a class loader made of this test's class path
 * without the Vert.x jars.
 */
class WebhookWithoutVertxTest {

    @Test
    void withoutVertxTheWebhookFallsBackToPlatformHttp() throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> left = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (new File(entry).getName().contains("vertx")) {
                left.add(new File(entry).getName());
            } else {
                urls.add(url(entry));
            }
        }
        assertThat(left).as("the Vert.x jars left out").anySatisfy(j -> assertThat(j).startsWith("vertx-core"))
                .anySatisfy(j -> assertThat(j).startsWith("camel-platform-http-vertx"));

        Map<?, ?> seen;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withoutVertx = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(withoutVertx);
            seen = (Map<?, ?>) withoutVertx.loadClass(NoVertxScenario.class.getName()).getMethod("run").invoke(null);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertThat(seen.get("vertxLoadable")).isEqualTo(false);
        assertThat(seen.get("platformHttpVertxLoadable")).isEqualTo(false);
        assertThat(seen.get("transport")).isEqualTo("platform-http");
        assertThat(seen.get("path")).isEqualTo("/no-vertx");
        assertThat(seen.get("signed")).isEqualTo(200);
        assertThat(seen.get("forged")).isEqualTo(401);
        assertThat(seen.get("routed")).isEqualTo(List.of("NV-1"));
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
