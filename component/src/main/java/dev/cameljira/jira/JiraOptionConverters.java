package dev.cameljira.jira;

import dev.cameljira.jira.client.JiraApiVersion;
import dev.cameljira.jira.client.JiraDeployment;
import org.apache.camel.Converter;

/**
 * Type converters for the enum options, so that URIs, properties and YAML may write them as Jira users say them:
 * {@code deployment=cloud|server|auto} (also datacenter, dc) and {@code apiVersion=auto|2|3} (also v2, v3, or a
 * number in YAML). A value that is none of these is refused naming the option and its values.
 */
@Converter(generateLoader = true)
public final class JiraOptionConverters {

    private JiraOptionConverters() {
    }

    @Converter
    public static JiraDeployment deployment(String value) {
        return JiraDeployment.parse(value);
    }

    @Converter
    public static JiraApiVersion apiVersion(String value) {
        return JiraApiVersion.parse(value);
    }

    @Converter
    public static JiraApiVersion apiVersion(Integer value) {
        return JiraApiVersion.parse(String.valueOf(value));
    }
}
