package dev.cameljira.sandbox.jira.model;

/** An allowed value of a select custom field. */
public record FieldOption(String id, String value) {
}
