package dev.cameljira.jira.catalog;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The component's generated catalog descriptor, read from the classpath as Camel tooling reads it. */
final class CatalogJson {

    static final String LOCATION = "META-INF/dev/cameljira/jira/jira.json";

    private CatalogJson() {
    }

    static JsonNode load() {
        try (InputStream in = CatalogJson.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new AssertionError(LOCATION + " is not on the classpath: the camel-component-maven-plugin generates it "
                                         + "into src/generated/resources during process-classes");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + LOCATION, e);
        }
    }
}
