package dev.cameljira.sandbox.jira.render;

/**
 * How a response is rendered: base URL for {@code self} links, REST API version (2 = wiki strings, 3 = ADF) and
 * deployment (Cloud users carry {@code accountId}; Server users {@code name}/{@code key}).
 */
public record View(String baseUrl, int apiVersion, boolean cloud) {

    /** {@code <base>/rest/api/<version>}. */
    public String api() {
        return baseUrl + "/rest/api/" + apiVersion;
    }

    /** Whether rich text is rendered as an Atlassian Document. */
    public boolean adf() {
        return apiVersion == 3;
    }

    /** The same view with another API version (webhook payloads are always v2). */
    public View withVersion(int version) {
        return new View(baseUrl, version, cloud);
    }
}
