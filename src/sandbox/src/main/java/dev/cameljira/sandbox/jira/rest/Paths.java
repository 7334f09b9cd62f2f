package dev.cameljira.sandbox.jira.rest;

/** Route prefixes. */
final class Paths {
    /** Jira REST API; {version} is 2, 3 or latest. */
    static final String API = "/rest/api/{version}";

    private Paths() {
    }
}
