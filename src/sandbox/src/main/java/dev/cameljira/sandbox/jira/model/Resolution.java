package dev.cameljira.sandbox.jira.model;

/** An issue resolution. */
public record Resolution(String id, String name, String description) {
}
